using Microsoft.Extensions.Options;

namespace Actors.Runtime.Activations;

/// <summary>Validates <see cref="ActivationOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ActivationOptionsValidator : IValidateOptions<ActivationOptions>;
