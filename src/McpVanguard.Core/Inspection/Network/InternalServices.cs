using System.Collections.Frozen;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// Well-known services that listen on loopback or the private network and answer without credentials: a datastore, a
/// cluster control plane or an admin console reached through an agent's fetch is data theft or code execution, not dev
/// traffic. Judged only for internal hosts; <c>localhost:3000/api/…</c> matches nothing here and stays a warning.
/// </summary>
internal static class InternalServices
{
    /// <summary>Ports whose only listener is such a service (an HTTP fetch there is cross-protocol smuggling or an admin API).</summary>
    private static readonly FrozenDictionary<int, string> Ports = new Dictionary<int, string>
    {
        [6379] = "Redis", [6380] = "Redis", [11211] = "Memcached", [27017] = "MongoDB", [2181] = "ZooKeeper",
        [8500] = "Consul", [9200] = "Elasticsearch", [9300] = "Elasticsearch", [5984] = "CouchDB", [8983] = "Solr",
        [15672] = "RabbitMQ management", [6443] = "Kubernetes API", [2375] = "Docker API", [2376] = "Docker API",
        [2379] = "etcd", [2380] = "etcd", [10250] = "kubelet", [10255] = "kubelet", [4194] = "cAdvisor", [8086] = "InfluxDB",
        // Secrets stores and schedulers: Vault (a dev server's root token is "root"), Nomad (runs jobs), ClickHouse's HTTP SQL port.
        [8200] = "Vault", [8201] = "Vault", [4646] = "Nomad", [8123] = "ClickHouse",
    }.ToFrozenDictionary();

    /// <summary>
    /// Path prefixes (normalised segments) that only such services serve, on whatever port: Spring actuator's secrets and
    /// heap, Jolokia, the Jenkins script console, Tomcat manager, Werkzeug and Jupyter (code execution), Consul, etcd,
    /// Elasticsearch, CouchDB, Solr admin, the Kubernetes API, Prometheus' TSDB admin API, Vault's secrets and token APIs, YARN's
    /// application API (runs commands), Go pprof, Apache status.
    /// </summary>
    private static readonly (string[] Prefix, string Service)[] Paths =
    [
        (["actuator", "env"], "Spring actuator"), (["actuator", "heapdump"], "Spring actuator"),
        (["actuator", "threaddump"], "Spring actuator"), (["actuator", "jolokia"], "Spring actuator"),
        (["actuator", "gateway"], "Spring actuator"), (["actuator", "configprops"], "Spring actuator"),
        (["actuator", "shutdown"], "Spring actuator"), (["actuator", "restart"], "Spring actuator"),
        (["actuator", "loggers"], "Spring actuator"), (["jolokia"], "Jolokia"),
        (["script"], "Jenkins script console"), (["scripttext"], "Jenkins script console"),
        (["manager", "html"], "Tomcat manager"), (["manager", "text"], "Tomcat manager"),
        (["console"], "Werkzeug debugger console"), (["api", "kernels"], "Jupyter"), (["api", "terminals"], "Jupyter"),
        (["v1", "agent"], "Consul"), (["v1", "kv"], "Consul"), (["v1", "catalog"], "Consul"), (["v1", "acl"], "Consul"),
        (["v2", "keys"], "etcd"), (["v3", "kv"], "etcd"),
        (["_cat"], "Elasticsearch"), (["_cluster"], "Elasticsearch"), (["_nodes"], "Elasticsearch"), (["_search"], "Elasticsearch"),
        (["_snapshot"], "Elasticsearch"), (["_all_dbs"], "CouchDB"), (["_utils"], "CouchDB"), (["_config"], "CouchDB"),
        (["solr", "admin"], "Solr"), (["api", "v1", "namespaces"], "Kubernetes API"), (["api", "v1", "secrets"], "Kubernetes API"),
        (["api", "v1", "nodes"], "Kubernetes API"), (["api", "v1", "admin"], "Prometheus admin API"),
        (["v1", "secret", "data"], "Vault"), (["v1", "auth", "token"], "Vault"), (["v1", "sys", "raw"], "Vault"), (["v1", "sys", "unseal"], "Vault"),
        (["ws", "v1", "cluster", "apps"], "Hadoop YARN"), (["debug", "pprof"], "Go pprof"), (["server-status"], "Apache server-status"), (["h2-console"], "H2 console"),
    ];

    /// <summary>The service an internal URL on <paramref name="port"/> with <paramref name="segments"/> reaches, or null.</summary>
    public static string? Find(int port, string[] segments)
    {
        if (IsHealthCheck(segments))
        {
            // /_cluster/health, /healthz, /_ping: a compose stack's readiness probe reads no data and runs nothing.
            return null;
        }

        if (Ports.TryGetValue(port, out var service))
        {
            return service;
        }

        foreach (var (prefix, name) in Paths)
        {
            if (segments.Length >= prefix.Length && segments.AsSpan(0, prefix.Length).SequenceEqual(prefix))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsHealthCheck(string[] segments) =>
        segments.Length is 1 or 2 && segments[^1] is "health" or "_health" or "healthz" or "livez" or "readyz" or "ping" or "_ping";
}
