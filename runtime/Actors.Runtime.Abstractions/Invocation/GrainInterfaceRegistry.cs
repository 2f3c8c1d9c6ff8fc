using System.Collections.Concurrent;
using System.Reflection;

namespace Actors.Invocation;

/// <summary>
/// Finds the generated descriptors of grain interfaces, by type (to make proxies) and by wire name (to read requests).
/// Assemblies are read lazily through their <see cref="GeneratedGrainManifestAttribute"/>.
/// </summary>
/// <remarks>
/// Several assemblies may describe the same inherited interface (each generates what its proxies need); the first
/// description of a name wins for lookups by name, which is safe because descriptions of one interface agree.
/// </remarks>
public sealed class GrainInterfaceRegistry
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceDescriptor> _byType = new();
    private readonly ConcurrentDictionary<string, GrainInterfaceDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Assembly, bool> _loaded = new();
    private readonly Lock _scanLock = new();

    /// <summary>Reads every assembly loaded so far that carries generated grain code.</summary>
    public void AddLoadedAssemblies()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            AddAssembly(assembly);
        }
    }

    /// <summary>Reads the generated grain code of one assembly (idempotent).</summary>
    public void AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (_loaded.ContainsKey(assembly) || assembly.IsDynamic)
        {
            return;
        }

        lock (_scanLock)
        {
            if (_loaded.ContainsKey(assembly))
            {
                return;
            }

            if (assembly.GetCustomAttribute<GeneratedGrainManifestAttribute>() is { } attribute
                && Activator.CreateInstance(attribute.ManifestType) is IGeneratedGrainManifest manifest)
            {
                foreach (var descriptor in manifest.Interfaces)
                {
                    Add(descriptor);
                }
            }

            _loaded[assembly] = true;
        }
    }

    /// <summary>The descriptor of <paramref name="interfaceType"/>, which must have a generated proxy.</summary>
    /// <exception cref="ArgumentException">The type is not a grain interface or has no generated code.</exception>
    public GrainInterfaceDescriptor GetInterface(Type interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        if (_byType.TryGetValue(interfaceType, out var descriptor) && descriptor.CreateProxy is not null)
        {
            return descriptor;
        }

        AddAssembly(interfaceType.Assembly);
        if (_byType.TryGetValue(interfaceType, out descriptor) && descriptor.CreateProxy is not null)
        {
            return descriptor;
        }

        throw new ArgumentException(
            $"'{interfaceType.FullName}' is not a grain interface with generated code: grain interfaces must extend a keyed " +
            "IGrain interface and be compiled in a project that references Actors.Runtime.Abstractions (which runs the generator).",
            nameof(interfaceType));
    }

    /// <summary>Finds an interface by wire name, scanning newly loaded assemblies once on a miss.</summary>
    public bool TryGetInterface(string name, out GrainInterfaceDescriptor descriptor)
    {
        if (_byName.TryGetValue(name, out descriptor!))
        {
            return true;
        }

        AddLoadedAssemblies();
        return _byName.TryGetValue(name, out descriptor!);
    }

    /// <summary>Finds a method by interface wire name and signature.</summary>
    public GrainMethodDescriptor? FindMethod(string interfaceName, string signature) =>
        TryGetInterface(interfaceName, out var descriptor) ? descriptor.FindMethod(signature) : null;

    private void Add(GrainInterfaceDescriptor descriptor)
    {
        _byName.TryAdd(descriptor.Name, descriptor);

        // Prefer the description that can make proxies (the one generated where the interface is declared).
        _byType.AddOrUpdate(
            descriptor.InterfaceType,
            descriptor,
            (_, existing) => existing.CreateProxy is null && descriptor.CreateProxy is not null ? descriptor : existing);
    }
}
