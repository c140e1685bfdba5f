using System.ComponentModel;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpVanguard.Demo;

/// <summary>
/// The demo server's tools: file tools confined to the workspace, and a command tool and a fetch
/// tool that only describe what they would do. Nothing here executes a process or opens a socket,
/// so the demo can show attacks without any risk to the machine running it.
/// </summary>
[McpServerToolType]
public sealed class DemoTools
{
    private readonly DemoWorkspace _workspace;

    public DemoTools(DemoWorkspace workspace) => _workspace = workspace;

    [McpServerTool(Name = "read_file", ReadOnly = true), Description("Reads a text file from the demo workspace.")]
    public async Task<string> ReadFileAsync(
        [Description("Path relative to the workspace root.")] string path,
        CancellationToken cancellationToken)
    {
        var full = _workspace.Resolve(path);
        if (!File.Exists(full))
        {
            throw new McpException($"'{_workspace.Display(full)}' does not exist");
        }

        if (new FileInfo(full).Length > DemoWorkspace.MaxFileBytes)
        {
            throw new McpException($"'{_workspace.Display(full)}' is larger than the demo limit of {DemoWorkspace.MaxFileBytes} bytes");
        }

        return await File.ReadAllTextAsync(full, cancellationToken);
    }

    [McpServerTool(Name = "write_file", Destructive = true), Description("Writes a text file in the demo workspace, replacing it if it exists.")]
    public async Task<string> WriteFileAsync(
        [Description("Path relative to the workspace root.")] string path,
        [Description("The complete new content of the file.")] string content,
        CancellationToken cancellationToken)
    {
        var full = _workspace.Resolve(path);
        if (Encoding.UTF8.GetByteCount(content) > DemoWorkspace.MaxFileBytes)
        {
            throw new McpException($"content is larger than the demo limit of {DemoWorkspace.MaxFileBytes} bytes");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content, cancellationToken);
        return $"wrote {Encoding.UTF8.GetByteCount(content)} bytes to {_workspace.Display(full)}";
    }

    [McpServerTool(Name = "list_directory", ReadOnly = true), Description("Lists the entries of a folder in the demo workspace.")]
    public string ListDirectory([Description("Folder relative to the workspace root; '.' is the root.")] string path)
    {
        var full = _workspace.Resolve(path);
        if (!Directory.Exists(full))
        {
            throw new McpException($"'{_workspace.Display(full)}' is not a folder");
        }

        var lines = new DirectoryInfo(full)
            .EnumerateFileSystemInfos()
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .Take(DemoWorkspace.MaxListedEntries)
            .Select(entry => entry is DirectoryInfo ? "[dir]  " + entry.Name : "[file] " + entry.Name);
        return string.Join('\n', lines);
    }

    [McpServerTool(Name = "run_command"), Description("Runs a shell command in the demo workspace (simulated: describes the command, never executes it).")]
    public static string RunCommand([Description("The shell command line.")] string command)
    {
        // A canned answer keeps the demo realistic for everyday commands while guaranteeing that
        // an attack which slips past the proxy (for example under the monitor profile) does nothing.
        return command.Trim() switch
        {
            "git status" => "would run: git status\nOn branch main\nnothing to commit, working tree clean (simulated)",
            var other => $"would run: {other} (simulated; the demo server never executes commands)",
        };
    }

    [McpServerTool(Name = "fetch_url", ReadOnly = true, OpenWorld = true), Description("Fetches a web page (simulated: returns a canned page, never touches the network).")]
    public static string FetchUrl([Description("Absolute http or https URL.")] string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new McpException("url is not an absolute URL");
        }

        return $"would fetch: {uri.AbsoluteUri}\nHTTP/1.1 200 OK (simulated)\n\n{{\"full_name\":\"example/simulated\",\"description\":\"canned demo page\"}}";
    }
}
