namespace Actors.TestKit.Contracts;

/// <summary>
/// The few assertions the contract suites need. The TestKit references xunit's extensibility package only, which
/// has no <c>Assert</c>; each failure names what was checked, the expected and the actual value.
/// </summary>
internal static class ContractAssert
{
    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new ContractAssertionException($"{what}: expected {Show(expected)} but was {Show(actual)}.");
        }
    }

    public static void NotEqual<T>(T unexpected, T actual, string what)
    {
        if (EqualityComparer<T>.Default.Equals(unexpected, actual))
        {
            throw new ContractAssertionException($"{what}: expected anything but {Show(unexpected)}.");
        }
    }

    public static void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var expectedList = expected.ToList();
        var actualList = actual.ToList();
        if (!expectedList.SequenceEqual(actualList))
        {
            throw new ContractAssertionException(
                $"{what}: expected [{string.Join(", ", expectedList.Select(Show))}] but was [{string.Join(", ", actualList.Select(Show))}].");
        }
    }

    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new ContractAssertionException(what);
        }
    }

    public static T NotNull<T>(T? value, string what)
        where T : class =>
        value ?? throw new ContractAssertionException($"{what}: expected a value but was null.");

    public static async Task<TException> ThrowsAsync<TException>(Func<Task> action, string what)
        where TException : Exception
    {
        try
        {
            await action();
        }
        catch (TException ex) when (ex.GetType() == typeof(TException))
        {
            return ex;
        }
        catch (Exception ex)
        {
            throw new ContractAssertionException($"{what}: expected {typeof(TException).Name} but {ex.GetType().Name} was thrown: {ex.Message}", ex);
        }

        throw new ContractAssertionException($"{what}: expected {typeof(TException).Name} but nothing was thrown.");
    }

    private static string Show<T>(T value) => value is null ? "null" : value is string s ? $"\"{s}\"" : value.ToString() ?? "null";
}
