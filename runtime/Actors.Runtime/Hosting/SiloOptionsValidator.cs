using Microsoft.Extensions.Options;

namespace Actors.Runtime.Hosting;

/// <summary>Validates <see cref="SiloOptions"/>: attribute rules (generated) plus the cross-field rules below.</summary>
[OptionsValidator]
internal sealed partial class SiloOptionsValidator : IValidateOptions<SiloOptions>;
