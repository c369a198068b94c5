using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PeerEthics.Codes.Pages;

/// <summary>
/// The download links of the code pages: <c>/codes/{code}/export.{md|json|html}</c> for the version in force,
/// <c>/codes/{code}/versions/{n}/export.{format}</c> for any version. An unknown code, version or format is the 404 page.
/// </summary>
public static class CodeExportEndpoints
{
    public static IEndpointRouteBuilder MapCodeExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/codes/{code}/export.{format}", Export).ExcludeFromDescription();
        app.MapGet("/codes/{code}/versions/{number:int}/export.{format}", Export).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(
        string code, int? number, string format, CodeReader reader, CancellationToken cancellationToken)
    {
        if (!CodeExporter.Formats.Contains(format) || await reader.GetAsync(code, number, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var content = Encoding.UTF8.GetBytes(CodeExporter.Export(view, format));
        return TypedResults.File(content, CodeExporter.MediaType(format), $"{view.Code}-v{view.Version.Number}.{format}");
    }
}
