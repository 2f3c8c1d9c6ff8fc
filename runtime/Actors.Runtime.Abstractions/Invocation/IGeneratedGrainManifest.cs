namespace Actors.Invocation;

/// <summary>Implemented by the code generator once per assembly: lists the grain interfaces it generated code for.</summary>
public interface IGeneratedGrainManifest
{
    /// <summary>The descriptors of every grain interface (and inherited interface) generated in the assembly.</summary>
    IReadOnlyList<GrainInterfaceDescriptor> Interfaces { get; }
}
