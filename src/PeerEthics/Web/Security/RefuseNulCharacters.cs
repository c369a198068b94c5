namespace PeerEthics.Web.Security;

/// <summary>
/// Refuses, as 400 Bad Request, a request whose query string or form holds a NUL character (U+0000) or is otherwise
/// not a readable form. Nothing a person types contains one and PostgreSQL cannot store one; ASP.NET Core's form
/// reader throws on it (<see cref="InvalidDataException"/>), which would be a server error. A security scanner sends
/// them on purpose. Only URL-encoded forms are read here: a multipart form (an upload) must be read after routing, under
/// its page's own size limits.
/// </summary>
public static class RefuseNulCharacters
{
    public static IApplicationBuilder UseRefuseNulCharacters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var refused = request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul));
        if (!refused && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                // Read once here; the page reads the same parsed form afterwards.
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                refused = true;
            }
        }

        if (refused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    });

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
