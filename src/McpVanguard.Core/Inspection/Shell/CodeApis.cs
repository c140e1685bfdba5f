using System.Buffers;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Whether interpreter code can act on what its literals name: file, process and network APIs of Python, Node, Deno, Bun, Ruby,
/// Perl, PHP, PowerShell, Lua and R. Code with none of them (a block list, a test fixture, a constant printed) only mentions paths and
/// URLs. Deliberately broad (one vectorised scan, no allocation): unsure means the literals are judged.
/// </summary>
public static class CodeApis
{
    /// <summary>Calls and modules that read, write, delete or start something: a literal near them is what they act on.</summary>
    private static readonly SearchValues<string> Actions = SearchValues.Create(
        ["open(", "read", "write", "path", "file", "fs.", "fs/", "'fs'", "\"fs\"", "io.", "shutil", "os.", "glob", "unlink", "remove", "rmdir", "rmtree",
         "rm(", "rmsync", "copy", "move", "rename", "chmod", "chown", "stat(", "exists", "load(", "dir(", "listdir", "scandir", "walk(", "mkdir",
         "system", "popen", "subprocess", "spawn", "exec", "child_process", "shell_exec", "passthru", "proc_open", "`", "qx", "process.start",
         "runtime.getruntime", "get-content", "set-content", "add-content", "out-file", "remove-item", "copy-item", "get-item", "gc ", "cat ",
         "invoke-", "start-process", "sqlite", "connect(", "deno.", "bun.", "file_get_contents", "file_put_contents", "fopen", "require",
         "import", "include", "source(", "readlines", "readrds", "scan(", "send", "upload", "post", "get(", "request", "fetch", "url", "http",
         "socket", "curl", "wget", "net.", "net::", "iwr", "irm"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Calls and modules that make network requests.</summary>
    private static readonly SearchValues<string> Requests = SearchValues.Create(
        ["urlopen", "urllib", "requests.", "httpx", "http.client", "httplib", "aiohttp", "fetch(", "axios", "http.get", "https.get", "http.request",
         "https.request", "got(", "needle", "socket", "net.connect", "createconnection", "net::http", "open-uri", "uri.open", "uri(", "lwp", "http::tiny",
         "file_get_contents", "curl", "fsockopen", "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "webclient", "httpclient", "webrequest",
         "deno.connect", "bun.connect", "wget", "download", "url(", "httr", "readlines(\"http", "readlines('http", "get(", "post(", "request("],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the code calls something that could act on a path or a command it spells.</summary>
    public static bool ActsOnLiterals(string code) => code.AsSpan().IndexOfAny(Actions) >= 0;

    /// <summary>True when the code may make a network request to a URL it spells.</summary>
    public static bool MakesRequests(string code) => code.AsSpan().IndexOfAny(Requests) >= 0;
}
