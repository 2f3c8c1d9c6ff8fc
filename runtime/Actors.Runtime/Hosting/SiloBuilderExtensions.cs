using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Actors.Filters;
using Actors.Persistence;
using Actors.Placement;
using Actors.Runtime.Activations;
using Actors.Runtime.Placement;
using Actors.Runtime.Storage;
using Actors.Transport.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Runtime.Hosting;

/// <summary>Configures a silo: grain classes, storage providers and call filters.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds grain classes: every concrete <see cref="Grain"/> subclass in <paramref name="assemblies"/>.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var assembly in assemblies)
        {
            var classes = assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && typeof(Grain).IsAssignableFrom(t));
            foreach (var grainClass in classes)
            {
                builder.AddGrain(grainClass);
            }
        }

        return builder;
    }

    /// <summary>Adds one grain class.</summary>
    public static ISiloBuilder AddGrain<TGrain>(this ISiloBuilder builder)
        where TGrain : Grain => builder.AddGrain(typeof(TGrain));

    /// <summary>Adds one grain class.</summary>
    public static ISiloBuilder AddGrain(this ISiloBuilder builder, Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<GrainClassOptions>(o => o.Classes.Add(grainClass));
        return builder;
    }

    /// <summary>Adds in-memory grain storage named <paramref name="name"/> (state is lost when the process ends).</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, static (sp, _) => sp.GetRequiredService<InMemoryGrainStorage>());
        return builder;
    }

    /// <summary>
    /// Adds a source-generated System.Text.Json context (or another resolver) for argument, result and state
    /// types; it is consulted before reflection, in the order added.
    /// </summary>
    public static ISiloBuilder AddJsonTypeInfoResolver(this ISiloBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.Configure<SerializationOptions>(o => o.TypeInfoResolvers.Add(resolver));
        return builder;
    }

    /// <summary>
    /// Places grains whose class carries a <typeparamref name="TStrategy"/> placement attribute with
    /// <typeparamref name="TDirector"/> (replacing the built-in director of that strategy, if any).
    /// </summary>
    public static ISiloBuilder AddPlacementDirector<TStrategy, TDirector>(this ISiloBuilder builder)
        where TStrategy : PlacementStrategy
        where TDirector : class, IPlacementDirector
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAllKeyed<IPlacementDirector>(typeof(TStrategy));
        builder.Services.AddKeyedSingleton<IPlacementDirector, TDirector>(typeof(TStrategy));
        return builder;
    }

    /// <summary>Adds a silo-wide filter for incoming grain calls.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds a silo-wide filter for outgoing grain calls.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }
}
