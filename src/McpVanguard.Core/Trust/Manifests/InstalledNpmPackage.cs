namespace McpVanguard.Core.Trust.Manifests;

/// <summary>A package as installed on disk: where, its name and version (its package.json), and the integrity the lockfile beside it records.</summary>
/// <param name="Directory">The package folder (links resolved).</param>
/// <param name="Integrity">The SRI string from <c>node_modules/.package-lock.json</c> or <c>package-lock.json</c>; null when neither records it.</param>
/// <param name="Where">How npm finds it (the project's node_modules, npx's cache, the global prefix), for messages.</param>
public sealed record InstalledNpmPackage(string Directory, string Name, string Version, string? Integrity, string Where);
