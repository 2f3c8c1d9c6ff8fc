namespace Actors.TestKit.Contracts;

/// <summary>A contract test's expectation did not hold.</summary>
public sealed class ContractAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContractAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContractAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
