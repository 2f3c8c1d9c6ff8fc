namespace Actors.Client.Tests.Grains;

/// <summary>An application exception the client can recreate: it must arrive as itself.</summary>
public sealed class OrderRejectedException : Exception
{
    public OrderRejectedException()
    {
    }

    public OrderRejectedException(string message)
        : base(message)
    {
    }

    public OrderRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
