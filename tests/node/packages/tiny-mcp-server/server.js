#!/usr/bin/env node
// A dependency-free stdio MCP server (newline-delimited JSON-RPC) with one tool, "echo". The manifest tests pack it
// with `npm pack`, install the tarball offline into a temporary prefix, and launch it through `vanguard start`.
"use strict";
const readline = require("node:readline");

function send(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

const tools = [{
  name: "echo",
  description: "Echoes the message back.",
  inputSchema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] },
}];

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined || message.method === undefined) {
    return; // notifications and responses need no answer
  }

  switch (message.method) {
    case "initialize":
      send({ jsonrpc: "2.0", id: message.id, result: {
        protocolVersion: message.params.protocolVersion,
        capabilities: { tools: {} },
        serverInfo: { name: "tiny-mcp-server", version: "1.0.0" },
      } });
      return;
    case "tools/list":
      send({ jsonrpc: "2.0", id: message.id, result: { tools } });
      return;
    case "tools/call":
      send({ jsonrpc: "2.0", id: message.id, result: { content: [{ type: "text", text: "Echo: " + message.params.arguments.message }] } });
      return;
    default:
      send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } });
  }
});
