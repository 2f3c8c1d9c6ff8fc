namespace Actors.Cli;

/// <summary>The command line asks for something impossible (for example an input file that cannot be read): exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
