using System.Text;
using Actors.Cli;
using Actors.Client.Http;
using Actors.Client.Tests.Http;

namespace Actors.Client.Tests.Cli;

/// <summary>Runs the CLI in-process against a stub API, capturing stdout, stderr and the exit code.</summary>
internal sealed class CliHarness(Func<RecordedRequest, HttpResponseMessage> answer) : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly MemoryStream _stdout = new();

    public StubHandler Api { get; } = new(answer);

    public Dictionary<string, string> Environment { get; } = [];

    public byte[] Stdin { get; set; } = [];

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public byte[] RawOut => _stdout.ToArray();

    public List<Uri> BaseAddresses { get; } = [];

    public CliContext Context => new()
    {
        Out = _out,
        StandardOutput = _stdout,
        Error = _error,
        OpenStandardInput = () => new MemoryStream(Stdin),
        GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        CreateClient = url =>
        {
            BaseAddresses.Add(url);
            return new ActorsHttpClient(new HttpClient(Api) { BaseAddress = url });
        },
    };

    public Task<int> RunAsync(params string[] args) => ActorsCli.RunAsync(args, Context, TestContext.Current.CancellationToken);

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        _stdout.Dispose();
        Api.Dispose();
    }
}
