// Prints the command, args and env an MCPB host (Claude Desktop) computes for an unpacked bundle, using the official
// library's getMcpConfigForManifest: `node tools/mcpb/launch-config.mjs EXTENSION_DIR '{"server_command": "..."}'`.
// The end-to-end tests launch exactly this; users can run it to see what their install will run.
import { getMcpConfigForManifest } from '@anthropic-ai/mcpb';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';

const [extensionPath, answers = '{}'] = process.argv.slice(2);
if (!extensionPath) {
  process.stderr.write('usage: node launch-config.mjs EXTENSION_DIR [USER_CONFIG_JSON]\n');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(`${extensionPath}/manifest.json`, 'utf8'));
const config = await getMcpConfigForManifest({
  manifest,
  extensionPath,
  systemDirs: { HOME: homedir() },
  userConfig: JSON.parse(answers),
  pathSeparator: '/',
});
if (!config) {
  process.stderr.write('the bundle has required settings without a value\n');
  process.exit(1);
}
process.stdout.write(JSON.stringify(config));
