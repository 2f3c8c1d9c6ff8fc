using Actors.GrainInterfaces.Jobs;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Tests.Jobs;

public sealed class JobRequestValidatorTests
{
    [Fact]
    public void Validate_MinimalRequest_AppliesTheDefaults()
    {
        var errors = new ErrorCollector();

        var job = JobRequestValidator.Validate(Request(), errors);

        Assert.Equal(0, errors.Count);
        Assert.NotNull(job);
        Assert.Equal(JobLimits.DefaultTimeoutSeconds, job.TimeoutSeconds);
        Assert.Equal(JobLimits.DefaultRetries, job.Retries);
        Assert.False(job.RetryOnFailure);
        Assert.Null(job.Command);
        Assert.Empty(job.Input);
    }

    [Fact]
    public void Validate_TextInput_IsUtf8()
    {
        var job = JobRequestValidator.Validate(Request() with { Input = "héllo" }, new ErrorCollector());

        Assert.Equal("héllo"u8.ToArray(), job!.Input);
    }

    [Fact]
    public void Validate_Base64Input_IsDecoded()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        var job = JobRequestValidator.Validate(Request() with { InputBase64 = Convert.ToBase64String(bytes) }, new ErrorCollector());

        Assert.Equal(bytes, job!.Input);
    }

    [Fact]
    public void Validate_BoundaryValues_AreAccepted()
    {
        var errors = new ErrorCollector();
        var labels = Enumerable.Range(0, 32).ToDictionary(i => "k/" + i, _ => (string?)new string('v', 256));

        var job = JobRequestValidator.Validate(
            Request() with { TimeoutSeconds = 86_400, Cpus = 64, MemoryMb = 4, Retries = 10, Labels = labels, Env = new Dictionary<string, string?> { ["_A1"] = "" } },
            errors);

        Assert.Equal(0, errors.Count);
        Assert.Equal(32, job!.Labels!.Count);
    }

    [Fact]
    public void Validate_RawInputAndCommandField_AreUsedForRun()
    {
        var errors = new ErrorCollector();

        var job = JobRequestValidator.Validate(Request() with { Command = ["ok", null] }, errors, rawInput: [1, 2, 3], commandField: "cmd");

        Assert.Null(job);
        Assert.True(errors.ToDictionary().ContainsKey("cmd[1]"));
    }

    private static SubmitJobRequest Request() => new("busybox", null, null, null, null, null, null, null, null, null, null);
}
