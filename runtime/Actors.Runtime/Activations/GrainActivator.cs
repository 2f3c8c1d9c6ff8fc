using System.Collections.Concurrent;
using System.Reflection;
using Actors.Persistence;
using Actors.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Activations;

/// <summary>
/// Makes grain instances: picks the constructor, resolves its parameters from the silo's services, and binds
/// each [PersistentState] parameter to its storage provider. The plan per class is built once.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IServiceProvider _services = services;
    private readonly ConcurrentDictionary<Type, ConstructionPlan> _plans = new();

    /// <summary>
    /// Constructs the grain for <paramref name="activation"/>; must run on the activation's turn (the
    /// <see cref="Grain"/> constructor reads <see cref="RuntimeContext.Current"/>). Returns the states to read.
    /// </summary>
    public Grain CreateInstance(ActivationData activation, out IReadOnlyList<IStorage> states)
    {
        var plan = _plans.GetOrAdd(activation.GrainClass.ClassType, BuildPlan);
        var arguments = new object?[plan.Parameters.Length];
        var created = new List<IStorage>();
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = plan.Parameters[i](activation, created);
        }

        states = created;
        try
        {
            return (Grain)plan.Constructor.Invoke(arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private ConstructionPlan BuildPlan(Type classType)
    {
        var constructors = classType.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        }

        var constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters().Select(p => BuildParameter(classType, p)).ToArray();
        return new ConstructionPlan(constructor, parameters);
    }

    private Func<ActivationData, List<IStorage>, object?> BuildParameter(Type classType, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } stateAttribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {classType.Name} has [PersistentState] but is not an IPersistentState<T>.");
            }

            var factory = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<string, GrainId, IGrainStorage, IStorage>>();
            var stateName = stateAttribute.StateName;
            var storageName = stateAttribute.StorageName ?? GrainStorageNames.Default;
            return (activation, created) =>
            {
                var storage = _services.GetKeyedService<IGrainStorage>(storageName)
                    ?? throw new InvalidOperationException(
                        $"{classType.Name} needs grain storage '{storageName}' for state '{stateName}', but none is configured. " +
                        "Add it with AddMemoryGrainStorage or AddPostgreSqlGrainStorage.");
                var state = factory(stateName, activation.GrainId, storage);
                created.Add(state);
                return state;
            };
        }

        var parameterType = parameter.ParameterType;
        if (parameterType == typeof(IGrainContext))
        {
            return static (activation, _) => activation;
        }

        return (activation, _) =>
            activation.ActivationServices.GetService(parameterType)
            ?? (parameter.HasDefaultValue
                ? parameter.DefaultValue
                : throw new InvalidOperationException(
                    $"Cannot make {classType.Name}: no service of type {parameterType.Name} for constructor parameter '{parameter.Name}'."));
    }

    private static IStorage CreateState<TState>(string stateName, GrainId grainId, IGrainStorage storage) =>
        new PersistentState<TState>(stateName, grainId, storage);

    private sealed record ConstructionPlan(ConstructorInfo Constructor, Func<ActivationData, List<IStorage>, object?>[] Parameters);
}
