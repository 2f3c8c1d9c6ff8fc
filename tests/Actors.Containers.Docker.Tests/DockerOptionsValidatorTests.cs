using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Containers.Docker.Tests;

[Trait("Category", "Unit")]
public sealed class DockerOptionsValidatorTests
{
    private readonly DockerOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new DockerOptions()).Succeeded);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375", "not a unix:// endpoint")]
    [InlineData("unix://relative.sock", "absolute socket path")]
    [InlineData("", "empty")]
    public void Validate_BadEndpoint_NamesTheSetting(string endpoint, string expected)
    {
        var result = _validator.Validate(null, new DockerOptions { Endpoint = endpoint });

        Assert.True(result.Failed);
        Assert.Contains("DockerOptions.Endpoint", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRegistryVersionAndTimeouts_ReportsEachOne()
    {
        var result = _validator.Validate(null, new DockerOptions
        {
            Registry = "http://registry/",
            ApiVersion = "v1",
            RequestTimeout = TimeSpan.Zero,
            KillTimeout = TimeSpan.FromSeconds(-1),
        });

        Assert.True(result.Failed);
        Assert.Contains("DockerOptions.Registry", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DockerOptions.ApiVersion", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DockerOptions.RequestTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DockerOptions.KillTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("registry.local")]
    public void Validate_RegistryHostOrHostPort_Succeeds(string registry)
    {
        Assert.True(_validator.Validate(null, new DockerOptions { Registry = registry }).Succeeded);
    }

    [Fact]
    public void AddDockerContainerRuntime_InvalidOptions_FailsResolutionWithTheValidatorsMessage()
    {
        using var services = new ServiceCollection()
            .AddDockerContainerRuntime(options => options.Endpoint = "tcp://127.0.0.1:2375")
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IContainerRuntime>());

        Assert.Contains("not a unix:// endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDockerContainerRuntime_CalledTwice_RegistersOneRuntime()
    {
        var services = new ServiceCollection().AddDockerContainerRuntime().AddDockerContainerRuntime(options => options.Registry = "127.0.0.1:5000");
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, service => service.ServiceType == typeof(IContainerRuntime));
        Assert.Single(services, service => service.ServiceType == typeof(IValidateOptions<DockerOptions>));
        Assert.Equal("127.0.0.1:5000", provider.GetRequiredService<IOptions<DockerOptions>>().Value.Registry);
        Assert.IsType<DockerContainerRuntime>(provider.GetRequiredService<IContainerRuntime>());
    }
}
