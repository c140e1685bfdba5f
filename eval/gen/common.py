import json, random, string, base64
rnd = random.Random(20240611)
def rs(n, alphabet=string.ascii_letters + string.digits):
    return ''.join(rnd.choice(alphabet) for _ in range(n))
UP = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
def case(cid, cat, expect, tool, args, note, msgid):
    return {"id": cid, "category": cat, "expect": expect, "note": note,
            "steps": [{"from": "agent", "message": {"jsonrpc": "2.0", "id": msgid, "method": "tools/call",
                       "params": {"name": tool, "arguments": args}}}]}
def b64(s): return base64.b64encode(s.encode()).decode()
def b32(s): return base64.b32encode(s.encode()).decode()
def ps_enc(s): return base64.b64encode(s.encode('utf-16-le')).decode()
