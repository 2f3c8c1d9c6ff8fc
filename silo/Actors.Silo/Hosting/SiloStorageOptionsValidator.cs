using Microsoft.Extensions.Options;

namespace Actors.Silo.Hosting;

/// <summary>PostgreSQL storage needs a connection string.</summary>
internal sealed class SiloStorageOptionsValidator : IValidateOptions<SiloStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloStorageOptions options) =>
        options.Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                "Actors:Storage:Provider is PostgreSql but no connection string is set: set Actors:Storage:ConnectionString " +
                "(environment variable Actors__Storage__ConnectionString) or ConnectionStrings:Actors.")
            : ValidateOptionsResult.Success;
}
