namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The usual value of variables every POSIX shell or login sets, for the one use where their exact value does not matter: slicing
/// a separator or a folder out of them (<c>${PATH:0:1}</c> is "/", <c>${SHELL:5:4}</c> is "bash"). Every listed value starts at the root,
/// as the real ones do on every system, so a slice from offset 0 is right whatever the machine.
/// </summary>
internal static class TypicalValues
{
    public static string? Of(string name) => name switch
    {
        "PATH" => "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "SHELL" or "BASH" => "/bin/bash",
        "HOME" => "/root",
        "PWD" or "OLDPWD" => "/",
        "TMPDIR" => "/tmp",
        "MAIL" => "/var/mail/root",
        "PS4" => "+ ",
        _ => null,
    };
}
