return await McpVanguard.Cli.VanguardCommandLine.RunAsync(args);
