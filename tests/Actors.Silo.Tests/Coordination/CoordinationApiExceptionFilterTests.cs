using Actors.Silo.Endpoints.Coordination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Tests.Coordination;

/// <summary>A grain's argument error becomes a 400 problem naming the argument, without the .NET suffix.</summary>
public sealed class CoordinationApiExceptionFilterTests
{
    [Theory]
    [InlineData("name", "name")]
    [InlineData(null, CoordinationApiExceptionFilter.RequestField)]
    public async Task ArgumentException_Becomes400NamingTheArgument(string? paramName, string field)
    {
        var filter = new CoordinationApiExceptionFilter();
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());

        var result = await filter.InvokeAsync(context, _ => throw new ArgumentException("The name is 300 characters long.", paramName));

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Equal(["The name is 300 characters long"], details.Errors[field]);
    }

    [Fact]
    public async Task OtherExceptions_PassThrough()
    {
        var filter = new CoordinationApiExceptionFilter();
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeAsync(context, _ => throw new InvalidOperationException("boom")));
    }
}
