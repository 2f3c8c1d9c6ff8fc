using Microsoft.Extensions.Options;

namespace Actors.Silo.Api;

/// <summary>Validates <see cref="ApiOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>;
