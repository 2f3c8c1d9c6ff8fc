using System.Reflection;
using Actors.Filters;
using Actors.Placement;
using Actors.Reminders;

namespace Actors.Runtime.Activations;

/// <summary>What the runtime knows about one grain class, read once from its attributes.</summary>
internal sealed class GrainClassDescriptor
{
    public GrainClassDescriptor(Type classType, IReadOnlyList<Type> grainInterfaces)
    {
        ClassType = classType;
        GrainInterfaces = grainInterfaces;
        GrainType = new GrainType(classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultName(classType));
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        StatelessWorkerLimit = classType.GetCustomAttribute<StatelessWorkerAttribute>(inherit: true)?.MaxLocalWorkers;
        Placement = classType.GetCustomAttribute<PlacementAttribute>(inherit: true)?.Strategy ?? RandomPlacement.Instance;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.Age;
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(classType);
    }

    public Type ClassType { get; }

    public GrainType GrainType { get; }

    /// <summary>The grain interfaces the class implements.</summary>
    public IReadOnlyList<Type> GrainInterfaces { get; }

    /// <summary>[Reentrant]: requests interleave at await points.</summary>
    public bool IsReentrant { get; }

    /// <summary>[StatelessWorker]: local activations per silo; null for ordinary grains.</summary>
    public int? StatelessWorkerLimit { get; }

    public bool IsStatelessWorker => StatelessWorkerLimit is not null;

    public PlacementStrategy Placement { get; }

    /// <summary>[CollectionAgeLimit], or null for the silo default.</summary>
    public TimeSpan? CollectionAge { get; }

    /// <summary>The class filters its own incoming calls.</summary>
    public bool IsIncomingFilter { get; }

    public bool IsRemindable { get; }

    public override string ToString() => $"{GrainType} ({ClassType.FullName})";

    // Orleans' convention: "TaskGrain" is grain type "task".
    private static string DefaultName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
