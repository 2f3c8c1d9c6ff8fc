using System.Net;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Hosting;

/// <summary>Rules that involve more than one <see cref="SiloOptions"/> field.</summary>
internal sealed class SiloOptionsCrossFieldValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"Actors:Silo:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"Actors:Silo:SiloPort and Actors:Silo:GatewayPort are both {options.SiloPort}; they must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
