using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>Checks on code run by an interpreter: <c>python -c</c>, <c>perl -e</c>, <c>node -e</c>, the code of a run_python tool.</summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Most string literals read from one piece of code: enough for any command it builds, bounded whatever it holds.</summary>
    private const int MaxLiterals = 256;

    /// <summary>Calls that hand a string to the operating system as a command line or argv.</summary>
    private static readonly string[] ProcessCalls =
    [
        "system(", "popen(", "subprocess", "spawn", "execsync(", "execfilesync(", "child_process", "passthru(", "shell_exec(", "proc_open(",
        "os.exec", "runtime.getruntime", "process.start(", "exec(\"", "exec('", "exec \"", "exec '", "`", "do shell script", "shell.run(",
    ];

    /// <summary>Library calls that delete a directory tree: given the root or home they wreck the system like <c>rm -rf /</c>.</summary>
    private static readonly string[] TreeDeletions =
    [
        "rmtree(", "rmsync(", "rmdirsync(", "rimraf(", "rimraf.sync(", "fs.rm(", "fs.promises.rm(", "fse.remove(", "fs.remove(", "removesync(",
        "fileutils.rm_rf(", "fileutils.rm_r(", "remove_tree(", "rmdir -recurse", "fileutils.remove_dir(", "fileutils.remove_entry(", "os.removeall(",
        "remove_dir_all(", "directory.delete(", "]::delete(", "fileutils.deletedirectory(", "deletedirectory(",
    ];

    /// <summary>Calls that delete a tree only when told to recurse: R's <c>unlink(…, recursive=TRUE)</c>, Julia's <c>rm(…; recursive=true)</c>.</summary>
    private static readonly string[] RecursiveDeletions = ["unlink(", "rm(", "fs.rmdir(", "fs.rmdirsync(", "deno.remove(", "deno.removesync("];

    /// <summary>Analyses interpreter code: what it runs through the shell, sockets wired to a shell, payloads it decodes and runs.</summary>
    public void AnalyzeCode(string code, int nesting)
    {
        if (nesting > MaxNesting || code.Length == 0)
        {
            return;
        }

        // A notebook cell's shell lines (!cmd, %%bash) are commands.
        if (NotebookShell.Of(code) is { Length: > 0 } shell)
        {
            AnalyzeText(shell, nesting + 1);
        }

        // getattr(__import__('o'+'s'),'sys'+'tem')('rm -rf ~/work'): judged also as the call it spells (os.system('rm -rf ~/work')).
        if (DynamicNames.Fold(code) is var folded && !ReferenceEquals(folded, code))
        {
            AnalyzeCode(folded, nesting + 1);
        }

        var lower = code.ToLowerInvariant();
        CheckInterpreterCode(lower);
        AnalyzeEncodedLiterals(code, lower, nesting);

        // Resource exhaustion: "while True: os.fork()", perl's "fork while fork".
        if (lower.Contains("os.fork()", StringComparison.Ordinal) && (lower.Contains("while true", StringComparison.Ordinal) || lower.Contains("while 1", StringComparison.Ordinal))
            || lower.Contains("fork while fork", StringComparison.Ordinal))
        {
            Report(ShellFindings.Destructive);
        }

        CheckTreeDeletion(lower);
        CheckServedFromCode(lower);
        CheckWalkDeletion(lower);
        CheckCodeWrites(code, lower);
        CheckCodeBuildFileWrite(code, lower, nesting);
        foreach (var call in ProcessCalls)
        {
            if (lower.Contains(call, StringComparison.Ordinal))
            {
                // The home's spellings read as '~' so an argv keeps its shape: ['rm', '-rf', os.path.expanduser('~/code')].
                AnalyzeLiterals(HomeDirectoryCalls.AsLiterals(code, includeVariables: false), nesting);

                // A command line built by concatenation: exec('rm -rf ' . getenv('HOME') . '/projects').
                foreach (var joined in InterpreterLiterals.Extract(code))
                {
                    if (joined.Contains(' ', StringComparison.Ordinal))
                    {
                        AnalyzeText(joined, nesting + 1);
                    }
                }

                return;
            }
        }
    }

    /// <summary>Names of the decoders interpreter code turns a literal back into text with (base64, hex) in every language.</summary>
    private static readonly string[] LiteralDecoders =
        ["base64", "b64decode", "decode64", "atob(", "fromhex", "unhexlify", "hex2bin(", "decode('hex')", "decode(\"hex\")", "pack('h*'", "pack(\"h*\"",
         "'hex')", "\"hex\")", "fromhexstring", "unpack('h*'", "unpack1('h*'", "hex.decodestring", "hexdecode", "bytes.fromhex", "rot13", "rot_13", "n-za-m"];

    /// <summary>
    /// A base64 or hex literal that code decodes is what the program runs or uses: <c>exec(bytes.fromhex('696d…'))</c>,
    /// <c>eval(Buffer.from('cmVx…','base64').toString())</c>. The decoded text is analysed as code and as a command line, like the code
    /// around it (paid only when the code names a decoder and a literal decodes to text).
    /// </summary>
    private void AnalyzeEncodedLiterals(string code, string lower, int nesting)
    {
        if (nesting >= MaxNesting || !LiteralDecoders.Any(d => lower.Contains(d, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var literal in InterpreterLiterals.Extract(code))
        {
            if (literal.Length >= 16 && (ShellPayloadDecoder.TryBase64(literal, utf16: false, out var text) || ShellPayloadDecoder.TryHex(literal, out text)))
            {
                if (EvaluatesText(lower))
                {
                    // An encoded literal decoded and handed to an evaluator hides what runs: the shape of a dropper whatever it decodes to.
                    Report(ShellFindings.DecodedPayload);
                }

                AnalyzeCode(text, nesting + 1);
                AnalyzeText(text, nesting + 1);
            }
            else if ((literal.Contains('(') || literal.Contains(' ')) && InterpreterLiterals.NamesRot13(lower))
            {
                // exec(codecs.decode('vzcbeg bf…', 'rot13')): the literals already come deciphered too; each is analysed as code and as a command line.
                if (EvaluatesText(lower) && ProcessCalls.Any(c => literal.Contains(c, StringComparison.OrdinalIgnoreCase)))
                {
                    Report(ShellFindings.DecodedPayload);
                }

                AnalyzeCode(literal, nesting + 1);
                AnalyzeText(literal, nesting + 1);
            }
        }
    }

    /// <summary>Spellings of the whole environment as one value, per language (never one variable: <c>os.environ['TOKEN']</c>, <c>process.env.HOME</c>).</summary>
    private static readonly string[] WholeEnvironment =
        ["json.stringify(process.env", "object.entries(process.env", "object.keys(process.env", "...process.env", "dict(os.environ", "str(os.environ",
         "os.environ.items()", "json.dumps(os.environ", "repr(os.environ", "env.to_h", "env.to_a", "env.inspect", "%env", "$_env", "getenv()", "deno.env.toobject()",
         "system.getenv()", "get-childitem env:", "gci env:", "dir env:", "[environment]::getenvironmentvariables()", "urlencode(os.environ", "stringify(env)", "body: process.env", "data=os.environ", "json=os.environ",
         "json=dict(os.environ"];

    /// <summary>Calls that send data over the network, per language.</summary>
    private static readonly string[] NetworkSends =
        ["urlopen", "requests.", "httpx.", "fetch(", "axios", "http.request", "https.request", "net::http", "lwp::", "invoke-webrequest", "invoke-restmethod",
         "iwr ", "irm ", "curl", "sendall", "socket.send", "urllib", "file_get_contents(\"http", "file_get_contents('http", "webclient", "uploadstring",
         "http.post", "http.get(", "https.get(", "xmlhttprequest", "navigator.sendbeacon", "deno.connect", "net.connect", "smtplib", "dns.resolve"];

    private static bool DumpsEnvironment(string lower) => WholeEnvironment.Any(e => lower.Contains(e, StringComparison.Ordinal));

    private static bool SendsOverNetwork(string lower) => lower.Contains("://", StringComparison.Ordinal) && NetworkSends.Any(n => lower.Contains(n, StringComparison.Ordinal));

    /// <summary>Calls that run text as code: eval/exec in most languages, compiled functions, PowerShell's iex, a shell's system.</summary>
    private static bool EvaluatesText(string lower) =>
        lower.Contains("eval(", StringComparison.Ordinal) || lower.Contains("exec(", StringComparison.Ordinal) && !lower.Contains(".exec(", StringComparison.Ordinal)
        || lower.Contains("new function(", StringComparison.Ordinal) || lower.Contains("iex", StringComparison.Ordinal) || lower.Contains("invoke-expression", StringComparison.Ordinal)
        || lower.Contains("system(", StringComparison.Ordinal) || lower.Contains("runinthiscontext", StringComparison.Ordinal) || lower.Contains("loadstring(", StringComparison.Ordinal)
        || lower.Contains("instance_eval", StringComparison.Ordinal) || lower.Contains("eval ", StringComparison.Ordinal);

    /// <summary>
    /// The string literals of code that starts processes are command lines (<c>os.system('rm -rf /')</c>) or, when several are
    /// listed together, one argv (<c>subprocess.run(['rm', '-rf', '/'])</c>): both are analysed like a command.
    /// </summary>
    private void AnalyzeLiterals(string code, int nesting)
    {
        List<string>? group = null;
        var end = -1;
        var count = 0;
        for (var i = 0; i < code.Length && count < MaxLiterals; i++)
        {
            var quote = code[i];
            if (quote is not ('\'' or '"'))
            {
                continue;
            }

            var close = i + 1;
            while (close < code.Length && code[close] != quote)
            {
                close += code[close] == '\\' ? 2 : 1;
            }

            if (close >= code.Length)
            {
                break;
            }

            var literal = code[(i + 1)..close];
            count++;

            // Literals separated only by a comma belong to one list: an argv.
            if (group is not null && code.AsSpan(end + 1, i - end - 1).Trim().SequenceEqual(","))
            {
                group.Add(literal);
            }
            else
            {
                FlushLiterals(group, nesting);
                group = [literal];
            }

            end = close;
            i = close;
        }

        FlushLiterals(group, nesting);
    }

    private void FlushLiterals(List<string>? group, int nesting)
    {
        if (group is { Count: 1 })
        {
            AnalyzeText(group[0], nesting + 1);
        }
        else if (group is { Count: > 1 })
        {
            AnalyzeArgv(group, nesting + 1);
        }
    }

    /// <summary>
    /// Destructive: <c>shutil.rmtree('/home')</c>, <c>fs.rmSync(os.homedir() + '/projects', …)</c>, <c>rmtree(os.path.expanduser('~'))</c>,
    /// <c>unlink("~/projects", recursive=TRUE)</c>: a tree deletion whose argument evaluates to an irreplaceable folder.
    /// </summary>
    private void CheckTreeDeletion(string code)
    {
        var recursive = code.Contains("recursive", StringComparison.Ordinal);
        foreach (var call in recursive ? [.. TreeDeletions, .. RecursiveDeletions] : TreeDeletions)
        {
            for (var at = code.IndexOf(call, StringComparison.Ordinal); at >= 0; at = code.IndexOf(call, at + call.Length, StringComparison.Ordinal))
            {
                if (at > 0 && (char.IsAsciiLetterOrDigit(code[at - 1]) || code[at - 1] == '_') && call[0] != '.')
                {
                    continue; // part of a longer name (confirm(), my_rmtree())
                }

                if (CodePathArgument.At(code, at + call.Length) is { } path && IsIrreplaceable(path))
                {
                    Report(ShellFindings.Destructive);
                }
            }
        }
    }

    /// <summary>
    /// Code that writes into a CI workflow or build file (<c>Path('.github/workflows/ci.yml').write_text(… '- run: curl … | sh')</c>): the
    /// text it writes runs on the next build, so its literals are judged as the commands they become.
    /// </summary>
    private void CheckCodeBuildFileWrite(string code, string lower, int nesting)
    {
        if (!BuildFiles.Any(f => lower.Contains(f, StringComparison.Ordinal))
            || !(lower.Contains("write", StringComparison.Ordinal) || lower.Contains("open(", StringComparison.Ordinal) || lower.Contains("append", StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var literal in InterpreterLiterals.Extract(code))
        {
            if (literal.Contains(' ', StringComparison.Ordinal) && !IsBuildFile(literal))
            {
                AnalyzeText(literal.Replace("\\n", "\n", StringComparison.Ordinal), nesting + 1);
            }
        }
    }

    /// <summary>A command or eval whose argument is what the web request carries.</summary>
    private static readonly string[] WebShellCalls =
    [
        "system($_", "exec($_", "passthru($_", "shell_exec($_", "popen($_", "proc_open($_", "eval($_", "assert($_", "system(@$_", "eval(@$_",
        "`$_get", "`$_post", "`$_request", ".exec(request.getparameter(", "eval(request(", "eval(request.", "process.start(request", "os.system(request.args",
        "subprocess.getoutput(request.args", "eval(request.args",
    ];

    /// <summary>Calls that list a tree (the argument is its root) and calls that delete one file each.</summary>
    private static readonly string[] TreeWalks = ["os.walk(", "os.scandir(", "os.listdir(", "glob.glob(", "glob.iglob(", "readdirsync(", "fs.readdir(", "dir.glob(", "dir.children(", "find.find(", "file::find::find(", "get-childitem ", "gci ", "walkdir(", "filepath.walk("];

    private static readonly string[] FileDeletions = ["os.remove(", "os.unlink(", ".unlink(", "unlinksync(", "fs.unlink(", "file.delete(", "fileutils.rm(", "remove-item", "os.removedirs(", "unlink ", "file.unlink(", "os.remove_file("];

    /// <summary>
    /// Destructive, one file at a time: a walk of the home directory or a system root whose files are deleted
    /// (<c>[os.remove(…) for r,_,fs in os.walk(os.path.expanduser('~')) …]</c>, <c>Path.home().rglob('*')</c> + <c>unlink()</c>).
    /// </summary>
    private void CheckWalkDeletion(string code)
    {
        if (!FileDeletions.Any(d => code.Contains(d, StringComparison.Ordinal)))
        {
            return;
        }

        if (code.Contains("path.home().rglob(", StringComparison.Ordinal) || code.Contains("path.home().glob(", StringComparison.Ordinal)
            || code.Contains("path.home().iterdir(", StringComparison.Ordinal) || code.Contains("path('/').rglob(", StringComparison.Ordinal))
        {
            Report(ShellFindings.Destructive);
            return;
        }

        foreach (var walk in TreeWalks)
        {
            for (var at = code.IndexOf(walk, StringComparison.Ordinal); at >= 0; at = code.IndexOf(walk, at + walk.Length, StringComparison.Ordinal))
            {
                var rest = code.AsSpan(at + walk.Length).TrimStart();
                if (rest.StartsWith("-path ") || rest.StartsWith("-literalpath "))
                {
                    rest = rest[(rest.IndexOf(' ') + 1)..].TrimStart();
                }

                if (rest.StartsWith("os.path.expanduser(") || rest.StartsWith("path.home()") || rest.StartsWith("pathlib.path.home()") || rest.StartsWith("os.homedir()")
                    || rest.StartsWith("require('os').homedir()") || rest.StartsWith("dir.home") || rest.StartsWith("$home") || rest.StartsWith("$env:userprofile") || rest.StartsWith("~ ")
                    || rest.StartsWith("env['home']") || rest.StartsWith("os.environ['home']") || rest.StartsWith("os.getenv('home')") || rest.StartsWith("process.env.home"))
                {
                    Report(ShellFindings.Destructive);
                    return;
                }

                if (rest.Length > 1 && rest[0] is '\'' or '"' or '`' && rest[1..].IndexOf(rest[0]) is var close and >= 0)
                {
                    var root = rest.Slice(1, close).ToString();
                    var starless = root.TrimEnd('*', '/');
                    var judged = starless.Length == 0 ? (root.StartsWith('/') ? "/" : null) : starless;
                    if (root.Length > 0 && judged is not null && (IsCriticalDirectory(root) || IsCriticalDirectory(judged) || IsDataStore(root)))
                    {
                        Report(ShellFindings.Destructive);
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Inline interpreter code (<c>python -c</c>, <c>perl -e</c>, …): socket + exec is a reverse shell; decode/fetch + exec a hidden payload.</summary>
    private void CheckInterpreterCode(string code)
    {
        // Node's net module is often bound to another name (const n = require('net'); n.connect(…)).
        var socket = code.Contains("socket") || code.Contains("fsockopen") || code.Contains("net.connect") || code.Contains("/dev/tcp")
            || code.Contains("tcpclient") || code.Contains("/inet/tcp") || code.Contains("require('net')") || code.Contains("require(\"net\")")
            || code.Contains("require('node:net')") || code.Contains("require(\"node:net\")") || code.Contains("from 'net'") || code.Contains("from \"net\"")
            || code.Contains("from 'node:net'") || code.Contains("createconnection(") || code.Contains("tcpsocket") || code.Contains("deno.connect(")
            || code.Contains("bun.connect(") || code.Contains("io::socket") || code.Contains("net.dial(");
        var exec = code.Contains("pty.spawn") || code.Contains("dup2") || code.Contains("subprocess") || code.Contains("os.system")
            || code.Contains("/bin/sh") || code.Contains("/bin/bash") || code.Contains("exec") || code.Contains("system(") || code.Contains("system$") || code.Contains("system ") || code.Contains("spawn")
            || code.Contains("popen") || code.Contains("child_process") || code.Contains("passthru") || code.Contains("proc_open") || code.Contains("cmd.exe");
        if (socket && exec)
        {
            Report(ShellFindings.ReverseShell);
        }

        // The whole environment (every token and key the process was given) handed to a network call: os.environ, process.env, ENV.to_h, %ENV.
        if (DumpsEnvironment(code) && SendsOverNetwork(code))
        {
            Report(ShellFindings.EnvironmentEgress);
        }

        // A web shell: a request parameter handed to a command or eval (system($_GET['c']), eval($_POST[x]), Runtime.exec(request.getParameter(…))).
        if (WebShellCalls.Any(c => code.Contains(c, StringComparison.Ordinal)))
        {
            Report(ShellFindings.Persistence);
        }

        // PowerShell evaluates with iex / Invoke-Expression / a script block built from a string.
        // JavaScript passes eval as a callback (fetch(u).then(r => r.text()).then(eval)) or compiles with new Function / vm; Ruby and
        // Lua have their own evaluators.
        var evaluates = code.Contains("exec(") || code.Contains("eval(") || code.Contains("eval ") || code.Contains("system(")
            || code.Contains("iex") || code.Contains("invoke-expression") || code.Contains("scriptblock]::create")
            || code.Contains("eval)") || code.Contains("new function(") || code.Contains("runinthiscontext") || code.Contains("runinnewcontext")
            || code.Contains("instance_eval") || code.Contains("loadstring(") || Deserializes(code);
        if (evaluates && (code.Contains("b64decode") || code.Contains("base64_decode") || code.Contains("decode64") || code.Contains("frombase64")))
        {
            Report(ShellFindings.DecodedPayload);
        }

        if (evaluates && (code.Contains("urlopen") || code.Contains("requests.get") || code.Contains("file_get_contents(\"http") || code.Contains("file_get_contents('http")
            || code.Contains("lwp::simple") || code.Contains("open-uri") || code.Contains("net::http") || FetchesUrl(code)))
        {
            Report(ShellFindings.DownloadExecute);
        }
    }

    /// <summary>Loaders that run code carried in the data they load (a pickle's reduce, Ruby's and PHP's object graphs): loading is evaluating.</summary>
    private static readonly string[] CodeCarryingLoads =
        ["pickle.loads(", "pickle.load(", "cpickle.loads(", "dill.loads(", "cloudpickle.loads(", "marshal.loads(", "jsonpickle.decode(", "yaml.unsafe_load(",
         "shelve.open(", "marshal.load(", "unserialize(", "torch.load("];

    private static bool Deserializes(string code) => CodeCarryingLoads.Any(l => code.Contains(l, StringComparison.Ordinal));

    /// <summary>A network fetch of a URL the code spells (JavaScript's fetch/axios/http.get, httpx, Deno, Lua's socket.http).</summary>
    private static bool FetchesUrl(string code) =>
        code.Contains("://", StringComparison.Ordinal)
        && (code.Contains("fetch(") || code.Contains("axios") || code.Contains("http.get(") || code.Contains("https.get(") || code.Contains("httpx.get(")
            || code.Contains("urllib.request") || code.Contains("socket.http") || code.Contains("http::tiny") || code.Contains("downloadstring") || code.Contains("uri.open")
            // Node's http and https modules however they are reached (require('https').get(…), import('node:http')), and the common clients.
            || code.Contains("require('http") || code.Contains("require(\"http") || code.Contains("node:http") || code.Contains("from 'http")
            || code.Contains("from \"http") || code.Contains("got(") || code.Contains("undici") || code.Contains("needle(") || code.Contains("superagent")
            || code.Contains("http.client") || code.Contains("urllib3") || code.Contains("invoke-webrequest") || code.Contains("iwr ") || code.Contains("net.webclient"));
}
