using Microsoft.Extensions.Options;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>Validates <see cref="GatewayOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>;
