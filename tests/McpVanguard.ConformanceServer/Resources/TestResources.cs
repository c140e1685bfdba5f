using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using McpVanguard.ConformanceServer.Tools;

namespace McpVanguard.ConformanceServer.Resources;

/// <summary>A static text resource, a static binary one, a URI template and a subscribable resource.</summary>
[McpServerResourceType]
internal sealed class TestResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "Static Text Resource", MimeType = "text/plain")]
    [Description("A fixed text resource.")]
    public static string StaticText() => "This is the content of the static text resource.";

    [McpServerResource(UriTemplate = "test://static-binary", Name = "Static Binary Resource", MimeType = "image/png")]
    [Description("A fixed PNG image.")]
    public static BlobResourceContents StaticBinary() =>
        BlobResourceContents.FromBytes(TestMedia.Png, "test://static-binary", "image/png");

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "Resource Template", MimeType = "application/json")]
    [Description("JSON data for the id in the URI.")]
    public static TextResourceContents Template(string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["templateTest"] = true, ["data"] = $"Data for ID: {id}" }),
    };

    [McpServerResource(UriTemplate = "test://watched-resource", Name = "Watched Resource", MimeType = "text/plain")]
    [Description("A resource clients may subscribe to.")]
    public static string Watched() => "Watched resource content";
}
