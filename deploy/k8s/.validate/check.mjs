// Offline checks of SitRep's rendered Kubernetes manifests; run by ../validate.sh.
//
//   node check.mjs --repo <repository root> <label>=<rendered.yaml> ...
//
// For every rendered document:
// - built-in kinds are validated against the Kubernetes OpenAPI schema with kubernetes-models (types, required
//   fields, enums; it does not report unknown fields);
// - the custom resources (Strimzi Kafka, KafkaNodePool, KafkaTopic; CloudNativePG Cluster) are checked by hand:
//   apiVersion, kind, metadata.name, spec and their key fields;
// - then the documents are checked against each other and against the services' own configuration: every
//   reference resolves (Secrets, ConfigMaps, selectors, ServiceAccounts, HPA targets, bootstrap and JDBC
//   addresses), every topic a service names exists, replication fits the brokers, connection pools fit
//   PostgreSQL, and each service has its probes, resources, security context and metrics annotations.
// Exits 1 when anything is wrong.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";

// ---------------------------------------------------------------------------------------------------------------
// What SitRep expects

const NAMESPACE = "sitrep";
const DATABASE = "sitrep";
const DB_OWNER = "sitrep";

/** The three services: port, service-specific environment variables, consumer groups. */
const SERVICES = {
  "report-ingest-service": { port: 8081, env: [] },
  "risk-analysis-service": { port: 8082, env: ["SITREP_CLASSIFIER_REVIEW_THRESHOLD"] },
  "briefing-service": { port: 8083, env: ["SITREP_BRIEFING_DAILY_CRON", "SITREP_BRIEFING_ZONE"] },
};

/** Topics the services use even where no application.properties names them yet (the outbox picks its topic in code). */
const KNOWN_TOPICS = [
  "reports", "report-classifications", "risk-alerts", "briefings",
  "reports-dlq", "report-classifications-ingest-dlq", "report-classifications-briefing-dlq",
  "risk-alerts-briefing-dlq",
];

const CUSTOM_KINDS = {
  "kafka.strimzi.io/v1": ["Kafka", "KafkaNodePool", "KafkaTopic"],
  "postgresql.cnpg.io/v1": ["Cluster"],
};

const CLUSTER_SCOPED = new Set(["Namespace"]);

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isInt = (v) => Number.isInteger(v);
const ref = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;

/** Kubernetes quantity to a number (CPU in cores, memory in bytes); NaN when malformed. */
function quantity(q) {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return NaN;
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return NaN;
  const factor = { undefined: 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  return Number(m[1]) * factor[m[2]];
}

function labelsMatch(selector, labels) {
  if (!isObject(selector)) return false;
  const ml = selector.matchLabels ?? {};
  if (!Object.entries(ml).every(([k, v]) => labels?.[k] === v)) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = labels && Object.hasOwn(labels, e.key);
    const val = labels?.[e.key];
    if (e.operator === "In" && !(has && e.values.includes(val))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(val)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return Object.keys(ml).length > 0 || (selector.matchExpressions ?? []).length > 0;
}

/** Properties file to a Map (no continuation lines needed for SitRep's files). */
function readProperties(file) {
  const props = new Map();
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const i = line.search(/[=:]/);
    if (i < 0) continue;
    props.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return props;
}

// ---------------------------------------------------------------------------------------------------------------
// What the repository says: topics and consumer groups of each service, pool sizes

function repositoryFacts(repo) {
  const topics = new Map(KNOWN_TOPICS.map((t) => [t, "the topic list of docs and deploy"]));
  const groups = new Map();
  const poolSize = new Map();
  const topicsJava = path.join(repo, "embedded-infra/src/main/java/org/sitrep/infra/Topics.java");
  if (existsSync(topicsJava)) {
    const list = /List\.of\(([\s\S]*?)\)/.exec(readFileSync(topicsJava, "utf8"));
    for (const m of list ? list[1].matchAll(/"([^"]+)"/g) : []) topics.set(m[1], "embedded-infra Topics.ALL");
  }
  for (const service of Object.keys(SERVICES)) {
    const file = path.join(repo, service, "src/main/resources/application.properties");
    if (!existsSync(file)) continue;
    const props = readProperties(file);
    const where = `${service}/src/main/resources/application.properties`;
    const size = Number(props.get("quarkus.datasource.jdbc.max-size"));
    if (Number.isFinite(size)) poolSize.set(service, size);
    for (const key of props.keys()) {
      const m = /^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.connector$/.exec(key);
      if (!m || props.get(key) !== "smallrye-kafka") continue;
      const prefix = `mp.messaging.${m[1]}.${m[2]}.`;
      topics.set(props.get(prefix + "topic") ?? m[2], where);
      if (m[1] === "incoming") {
        if (props.get(prefix + "failure-strategy") === "dead-letter-queue") {
          topics.set(props.get(prefix + "dead-letter-queue.topic") ?? `dead-letter-topic-${m[2]}`, where);
        }
        const group = props.get(prefix + "group.id");
        if (group) groups.set(group, where);
      }
    }
  }
  return { topics, groups, poolSize };
}

// ---------------------------------------------------------------------------------------------------------------
// Built-in kinds: kubernetes-models

const modelCache = new Map();
async function modelFor(apiVersion, kind) {
  if (!modelCache.has(apiVersion)) {
    let mod = null;
    try {
      mod = await import(`kubernetes-models/${apiVersion}`);
    } catch {
      mod = null;
    }
    modelCache.set(apiVersion, mod);
  }
  const mod = modelCache.get(apiVersion);
  return mod && typeof mod[kind] === "function" ? mod[kind] : null;
}

function schemaErrors(Model, doc) {
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    const list = Array.isArray(e.errors) && e.errors.length ? e.errors : [e];
    return list.map((x) => (x.instancePath !== undefined ? `${x.instancePath || "/"} ${x.message}` : String(x.message ?? x)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Custom resources, by hand

function checkKafka(doc, p) {
  const k = doc.spec?.kafka;
  if (!isObject(k)) return p("spec.kafka is required");
  if (typeof k.version !== "string" || !/^\d+\.\d+\.\d+$/.test(k.version)) p("spec.kafka.version must be a Kafka version such as 4.1.1");
  if (k.metadataVersion !== undefined) {
    const [maj, min] = String(k.version).split(".");
    if (!String(k.metadataVersion).startsWith(`${maj}.${min}-`)) p(`spec.kafka.metadataVersion ${k.metadataVersion} does not belong to Kafka ${k.version}`);
  }
  for (const gone of ["replicas", "storage", "zookeeper"]) {
    if (k[gone] !== undefined || (gone === "zookeeper" && doc.spec.zookeeper !== undefined)) p(`spec.kafka.${gone} does not exist in the v1 API (KRaft with node pools)`);
  }
  if (!Array.isArray(k.listeners) || k.listeners.length === 0) p("spec.kafka.listeners must list at least one listener");
  const names = new Set();
  const ports = new Set();
  for (const [i, l] of (k.listeners ?? []).entries()) {
    const at = `spec.kafka.listeners[${i}]`;
    if (typeof l.name !== "string" || !/^[a-z0-9]{1,11}$/.test(l.name)) p(`${at}.name must be 1-11 lowercase letters or digits`);
    if (!isInt(l.port) || l.port < 9092 || l.port > 65535) p(`${at}.port must be an integer from 9092 (9090, 9091 are Strimzi's)`);
    if (!["internal", "cluster-ip", "route", "loadbalancer", "nodeport", "ingress"].includes(l.type)) p(`${at}.type ${l.type} is not a listener type`);
    if (typeof l.tls !== "boolean") p(`${at}.tls must be true or false`);
    if (names.has(l.name)) p(`${at}.name ${l.name} is used twice`);
    if (ports.has(l.port)) p(`${at}.port ${l.port} is used twice`);
    names.add(l.name);
    ports.add(l.port);
  }
  if (k.config !== undefined && !isObject(k.config)) p("spec.kafka.config must be a map");
  if (!isObject(doc.spec.entityOperator?.topicOperator)) p("spec.entityOperator.topicOperator is needed for the KafkaTopic resources");
}

function checkNodePool(doc, p, kafkas) {
  const cluster = doc.metadata?.labels?.["strimzi.io/cluster"];
  if (!cluster) p("metadata.labels[strimzi.io/cluster] must name its Kafka");
  else if (!kafkas.has(cluster)) p(`strimzi.io/cluster ${cluster} names no Kafka in this deployment`);
  const s = doc.spec;
  if (!isInt(s.replicas) || s.replicas < 1) p("spec.replicas must be an integer of at least 1");
  if (!Array.isArray(s.roles) || s.roles.length === 0 || !s.roles.every((r) => r === "controller" || r === "broker") || new Set(s.roles).size !== s.roles.length) {
    p("spec.roles must list controller and/or broker");
  }
  const st = s.storage;
  if (!isObject(st)) return p("spec.storage is required");
  const volumes = st.type === "jbod" ? st.volumes : [st];
  if (!["jbod", "persistent-claim", "ephemeral"].includes(st.type)) p(`spec.storage.type ${st.type} is not jbod, persistent-claim or ephemeral`);
  if (!Array.isArray(volumes) || volumes.length === 0) return p("spec.storage.volumes must list at least one volume");
  const ids = new Set();
  let metadataVolumes = 0;
  for (const [i, v] of volumes.entries()) {
    const at = st.type === "jbod" ? `spec.storage.volumes[${i}]` : "spec.storage";
    if (st.type === "jbod" && (!isInt(v.id) || v.id < 0 || ids.has(v.id))) p(`${at}.id must be a unique integer`);
    ids.add(v.id);
    if (!["persistent-claim", "ephemeral"].includes(v.type)) p(`${at}.type must be persistent-claim or ephemeral`);
    if (v.type === "persistent-claim" && !(quantity(v.size) > 0)) p(`${at}.size must be a storage quantity`);
    if (v.kraftMetadata !== undefined) {
      if (v.kraftMetadata !== "shared") p(`${at}.kraftMetadata must be "shared"`);
      metadataVolumes++;
    }
  }
  if (metadataVolumes > 1) p("only one volume may hold the KRaft metadata");
  checkResources(s.resources, "spec.resources", p, false);
}

function checkTopic(doc, p, kafkas, brokers) {
  const cluster = doc.metadata?.labels?.["strimzi.io/cluster"];
  if (!cluster) p("metadata.labels[strimzi.io/cluster] must name its Kafka");
  else if (!kafkas.has(cluster)) p(`strimzi.io/cluster ${cluster} names no Kafka in this deployment`);
  const s = doc.spec;
  const name = s.topicName ?? doc.metadata.name;
  if (typeof name !== "string" || !/^[a-zA-Z0-9._-]{1,249}$/.test(name)) p(`topic name ${name} is not a valid Kafka topic name`);
  if (!isInt(s.partitions) || s.partitions < 1) p("spec.partitions must be an integer of at least 1");
  if (!isInt(s.replicas) || s.replicas < 1) p("spec.replicas must be an integer of at least 1");
  const n = brokers.get(cluster) ?? 0;
  if (isInt(s.replicas) && s.replicas > n) p(`spec.replicas ${s.replicas} exceeds the ${n} broker(s) of Kafka ${cluster}`);
  const c = s.config ?? {};
  if (!isObject(c)) return p("spec.config must be a map");
  const isr = Number(c["min.insync.replicas"]);
  if (c["min.insync.replicas"] === undefined) p("spec.config.min.insync.replicas must be set (acks=all producers rely on it)");
  else if (!isInt(isr) || isr < 1 || isr > s.replicas) p(`min.insync.replicas ${c["min.insync.replicas"]} must be between 1 and replicas (${s.replicas})`);
  else if (s.replicas >= 3 && isr < 2) p("with 3 or more replicas min.insync.replicas must be at least 2");
  else if (s.replicas > 1 && isr >= s.replicas) p(`min.insync.replicas ${isr} = replicas: one broker down would stop all writes`);
  for (const key of ["retention.ms", "retention.bytes", "segment.ms", "max.message.bytes"]) {
    if (c[key] !== undefined && !/^-?\d+$/.test(String(c[key]))) p(`spec.config.${key} must be a whole number`);
  }
  if (c["cleanup.policy"] !== undefined && !/^(delete|compact)(,(delete|compact))?$/.test(String(c["cleanup.policy"]))) p("spec.config.cleanup.policy must be delete and/or compact");
  return name;
}

function checkPgCluster(doc, p) {
  const s = doc.spec;
  if (!isInt(s.instances) || s.instances < 1) p("spec.instances must be an integer of at least 1");
  if (!(quantity(s.storage?.size) > 0) && !s.storage?.pvcTemplate) p("spec.storage.size must be a storage quantity");
  const initdb = s.bootstrap?.initdb;
  if (!isObject(initdb)) p("spec.bootstrap.initdb is required (database and owner)");
  else {
    if (initdb.database !== DATABASE) p(`spec.bootstrap.initdb.database must be ${DATABASE}`);
    if (initdb.owner !== DB_OWNER) p(`spec.bootstrap.initdb.owner must be ${DB_OWNER}`);
    if (initdb.secret !== undefined && typeof initdb.secret?.name !== "string") p("spec.bootstrap.initdb.secret.name must name a basic-auth Secret");
  }
  for (const [k, v] of Object.entries(s.postgresql?.parameters ?? {})) {
    if (typeof v !== "string") p(`spec.postgresql.parameters.${k} must be a string (quote it): the CRD takes strings only`);
  }
  if (s.instances === 1 && s.enablePDB !== false) p("a single instance needs enablePDB: false, or its PodDisruptionBudget blocks every node drain");
  const aff = s.affinity?.podAntiAffinityType;
  if (aff !== undefined && aff !== "preferred" && aff !== "required") p("spec.affinity.podAntiAffinityType must be preferred or required");
  if (s.primaryUpdateStrategy !== undefined && !["unsupervised", "supervised"].includes(s.primaryUpdateStrategy)) p("spec.primaryUpdateStrategy must be unsupervised or supervised");
  checkResources(s.resources, "spec.resources", p, false);
}

// ---------------------------------------------------------------------------------------------------------------
// Workloads

function checkResources(r, at, p, required) {
  if (r === undefined) {
    if (required) p(`${at} must set requests and limits`);
    return;
  }
  for (const kind of ["requests", "limits"]) {
    for (const res of ["cpu", "memory"]) {
      const v = r?.[kind]?.[res];
      if (v === undefined) {
        if (required) p(`${at}.${kind}.${res} must be set`);
      } else if (!(quantity(v) > 0)) p(`${at}.${kind}.${res} ${v} is not a quantity`);
    }
  }
  for (const res of ["cpu", "memory"]) {
    const req = quantity(r?.requests?.[res]);
    const lim = quantity(r?.limits?.[res]);
    if (req > lim) p(`${at}: ${res} request ${r.requests[res]} exceeds the limit ${r.limits[res]}`);
  }
}

function portOf(container, port) {
  if (typeof port === "number") return (container.ports ?? []).some((x) => x.containerPort === port) ? port : null;
  const named = (container.ports ?? []).find((x) => x.name === port);
  return named ? named.containerPort : null;
}

function checkDeployment(d, p, ctx) {
  const name = d.metadata.name;
  const expected = SERVICES[name];
  const spec = d.spec ?? {};
  const tpl = spec.template ?? {};
  const labels = tpl.metadata?.labels ?? {};
  const pod = tpl.spec ?? {};
  if (!labelsMatch(spec.selector, labels)) p("spec.selector does not match the pod template's labels");
  if (labels["app.kubernetes.io/part-of"] !== "sitrep" || labels["app.kubernetes.io/component"] !== "service") {
    p("pod labels must include app.kubernetes.io/part-of=sitrep and app.kubernetes.io/component=service (the network policies and Kafka's listener select them)");
  }
  if (!expected) p(`unexpected Deployment: not one of ${Object.keys(SERVICES).join(", ")}`);

  // service account
  const sa = pod.serviceAccountName;
  if (!sa) p("spec.template.spec.serviceAccountName must name the service's ServiceAccount");
  else if (!ctx.byKind("ServiceAccount").has(sa)) p(`ServiceAccount ${sa} is not part of the deployment`);
  if (pod.automountServiceAccountToken !== false) p("automountServiceAccountToken must be false (the services do not call the Kubernetes API)");

  // pod security
  const psc = pod.securityContext ?? {};
  if (psc.runAsNonRoot !== true) p("pod securityContext.runAsNonRoot must be true");
  if (psc.runAsUser === 0) p("pod securityContext.runAsUser must not be 0");
  if (psc.seccompProfile?.type !== "RuntimeDefault") p("pod securityContext.seccompProfile.type must be RuntimeDefault");

  // spread
  const tsc = pod.topologySpreadConstraints ?? [];
  if (tsc.length === 0) p("spec.template.spec.topologySpreadConstraints must spread the replicas");
  for (const [i, c] of tsc.entries()) {
    if (!labelsMatch(c.labelSelector, labels)) p(`topologySpreadConstraints[${i}].labelSelector does not select this Deployment's pods`);
  }

  // metrics annotations
  const ann = tpl.metadata?.annotations ?? {};
  if (ann["prometheus.io/scrape"] !== "true") p('pod annotation prometheus.io/scrape must be "true"');
  if (ann["prometheus.io/path"] !== "/q/metrics") p("pod annotation prometheus.io/path must be /q/metrics");

  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  const containers = pod.containers ?? [];
  if (containers.length !== 1) p("expected exactly one container");
  for (const c of containers) {
    const at = `container ${c.name}`;
    if (typeof c.image !== "string" || !/[:@]/.test(c.image.split("/").pop()) || /:latest$/.test(c.image)) p(`${at}: image ${c.image} needs an explicit tag or digest (not latest)`);
    const http = (c.ports ?? []).find((x) => x.name === "http");
    if (!http) p(`${at}: needs a port named http`);
    if (expected && http && Number(http.containerPort) !== expected.port) p(`${at}: port ${http.containerPort}, the service listens on ${expected.port}`);
    if (http && ann["prometheus.io/port"] !== String(http.containerPort)) p(`pod annotation prometheus.io/port must be "${http.containerPort}"`);

    // probes
    const probes = { livenessProbe: ["/q/health/live"], readinessProbe: ["/q/health/ready"], startupProbe: ["/q/health/live", "/q/health/started"] };
    for (const [probe, paths] of Object.entries(probes)) {
      const pr = c[probe];
      if (!pr) {
        p(`${at}: ${probe} is required`);
        continue;
      }
      if (!paths.includes(pr.httpGet?.path)) p(`${at}: ${probe} must GET ${paths.join(" or ")}`);
      if (portOf(c, pr.httpGet?.port) === null) p(`${at}: ${probe} port ${pr.httpGet?.port} is not a port of the container`);
    }
    const st = c.startupProbe;
    if (st && (st.failureThreshold ?? 3) * (st.periodSeconds ?? 10) < 60) p(`${at}: startupProbe allows less than 60 s for start-up (Flyway migrates at start)`);

    // resources
    checkResources(c.resources, `${at} resources`, p, true);
    const mem = quantity(c.resources?.limits?.memory);
    if (mem < 512 * 1024 ** 2) p(`${at}: a memory limit below 512Mi is too small for a Quarkus JVM`);

    // container security
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) p(`${at}: securityContext.allowPrivilegeEscalation must be false`);
    if (sc.readOnlyRootFilesystem !== true) p(`${at}: securityContext.readOnlyRootFilesystem must be true`);
    if (sc.privileged === true) p(`${at}: must not be privileged`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) p(`${at}: securityContext.capabilities.drop must include ALL`);
    if ((sc.capabilities?.add ?? []).length) p(`${at}: must not add capabilities`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!tmp) p(`${at}: needs a writable /tmp (emptyDir) with a read-only root file system`);
    else if (!volumes.get(tmp.name)?.emptyDir) p(`${at}: /tmp must be an emptyDir volume`);
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) p(`${at}: volumeMount ${m.name} has no volume`);

    // environment: explicit env wins over envFrom, as in Kubernetes
    const env = new Map();
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef) {
        const cm = ctx.byKind("ConfigMap").get(ef.configMapRef.name);
        if (!cm) p(`${at}: envFrom ConfigMap ${ef.configMapRef.name} is not part of the deployment`);
        for (const [k, v] of Object.entries(cm?.data ?? {})) env.set(k, { value: v });
      }
      if (ef.secretRef) p(`${at}: envFrom Secret ${ef.secretRef.name}: name the keys instead`);
    }
    for (const e of c.env ?? []) env.set(e.name, e.valueFrom ? { from: e.valueFrom } : { value: e.value ?? "" });
    for (const [k, e] of env) {
      const cmRef = e.from?.configMapKeyRef;
      if (cmRef) {
        const cm = ctx.byKind("ConfigMap").get(cmRef.name);
        if (!cm || !(cmRef.key in (cm.data ?? {}))) p(`${at}: ${k} refers to ConfigMap key ${cmRef.name}/${cmRef.key}, which does not exist`);
      }
      const sRef = e.from?.secretKeyRef;
      if (sRef && !ctx.secretKnown(sRef.name, sRef.key)) p(`${at}: ${k} refers to Secret ${sRef.name} key ${sRef.key}, which nothing creates`);
    }
    checkServiceEnv(name, env, c, volumes, p, ctx);
  }
}

function checkServiceEnv(service, env, container, volumes, p, ctx) {
  const at = `container ${container.name}`;
  const value = (k) => env.get(k)?.value;
  if (value("QUARKUS_HTTP_HOST") !== "0.0.0.0") p(`${at}: QUARKUS_HTTP_HOST must be 0.0.0.0 (the services bind 127.0.0.1 by default)`);

  // PostgreSQL
  const url = value("QUARKUS_DATASOURCE_JDBC_URL");
  const m = url && /^jdbc:postgresql:\/\/([^:/?]+)(?::(\d+))?\/([^?]+)/.exec(url);
  if (!m) p(`${at}: QUARKUS_DATASOURCE_JDBC_URL must be jdbc:postgresql://<host>:5432/${DATABASE}`);
  else {
    const host = m[1].split(".")[0];
    const cluster = ctx.pgClusters.find((c) => host === `${c.metadata.name}-rw`);
    if (!cluster) p(`${at}: JDBC host ${m[1]} is not the -rw Service of a CloudNativePG Cluster here (${ctx.pgClusters.map((c) => c.metadata.name + "-rw").join(", ") || "none"})`);
    if ((m[2] ?? "5432") !== "5432") p(`${at}: JDBC port ${m[2]} is not 5432`);
    if (m[3] !== DATABASE) p(`${at}: JDBC database ${m[3]} is not ${DATABASE}`);
    for (const [k, key] of [["QUARKUS_DATASOURCE_USERNAME", "username"], ["QUARKUS_DATASOURCE_PASSWORD", "password"]]) {
      const sRef = env.get(k)?.from?.secretKeyRef;
      if (!sRef) p(`${at}: ${k} must come from a Secret`);
      else if (cluster && (sRef.name !== ctx.appSecretOf(cluster) || sRef.key !== key)) {
        p(`${at}: ${k} must come from ${ctx.appSecretOf(cluster)}/${key}, the application credentials of Cluster ${cluster.metadata.name}`);
      }
    }
  }

  // Kafka
  const bootstrap = value("KAFKA_BOOTSTRAP_SERVERS");
  if (!bootstrap) p(`${at}: KAFKA_BOOTSTRAP_SERVERS must be set`);
  for (const server of (bootstrap ?? "").split(",").filter(Boolean)) {
    const [hostFull, port] = server.trim().split(":");
    const host = hostFull.split(".")[0];
    const kafka = ctx.kafkas.find((k) => host === `${k.metadata.name}-kafka-bootstrap`);
    if (!kafka) p(`${at}: bootstrap server ${server} is not the bootstrap Service of a Kafka here`);
    else {
      const listener = (kafka.spec.kafka.listeners ?? []).find((l) => String(l.port) === port);
      if (!listener) p(`${at}: bootstrap port ${port} is not a listener of Kafka ${kafka.metadata.name}`);
      else if (listener.tls) p(`${at}: listener ${listener.name} uses TLS; the services are configured for plaintext`);
      else if (listener.networkPolicyPeers && !listener.networkPolicyPeers.some((peer) => labelsMatch(peer.podSelector, ctx.podLabels(service)))) {
        p(`${at}: the networkPolicyPeers of listener ${listener.name} do not admit this service's pods`);
      }
    }
  }

  // region catalogue
  const regions = value("SITREP_REGIONS_FILE");
  if (regions !== undefined) {
    const mount = (container.volumeMounts ?? []).find((vm) => regions.startsWith(vm.mountPath.replace(/\/?$/, "/")));
    const cmName = mount && volumes.get(mount.name)?.configMap?.name;
    if (!cmName) p(`${at}: SITREP_REGIONS_FILE ${regions} is not inside a mounted ConfigMap`);
    else {
      const key = regions.slice(mount.mountPath.replace(/\/?$/, "/").length);
      const cm = ctx.byKind("ConfigMap").get(cmName);
      if (!cm || !(key in (cm.data ?? {}))) p(`${at}: SITREP_REGIONS_FILE names ${key}, which ConfigMap ${cmName} does not hold`);
    }
  }

  // service-specific settings
  for (const k of SERVICES[service]?.env ?? []) {
    if (!env.has(k)) p(`${at}: ${k} must be set`);
  }
  const cron = value("SITREP_BRIEFING_DAILY_CRON");
  if (cron !== undefined && !/^\S+( \S+){5,6}$/.test(cron)) p(`${at}: SITREP_BRIEFING_DAILY_CRON "${cron}" is not a 6- or 7-field Quartz cron expression`);
  const zone = value("SITREP_BRIEFING_ZONE");
  if (zone !== undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
    } catch {
      p(`${at}: SITREP_BRIEFING_ZONE ${zone} is not a time zone`);
    }
  }
  const threshold = value("SITREP_CLASSIFIER_REVIEW_THRESHOLD");
  if (threshold !== undefined && !(Number(threshold) > 0 && Number(threshold) <= 1)) p(`${at}: SITREP_CLASSIFIER_REVIEW_THRESHOLD ${threshold} must be a confidence in (0, 1]`);
  const pool = value("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
  if (pool !== undefined && !(isInt(Number(pool)) && Number(pool) > 0)) p(`${at}: QUARKUS_DATASOURCE_JDBC_MAX_SIZE ${pool} must be a positive integer`);
}

/** The region catalogue CSV, parsed as org.sitrep.regions.RegionCatalogue parses it. */
function checkRegionsCsv(text, p) {
  const codes = new Map();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const f = line.split(",");
    const at = `regions.csv:${i + 1}`;
    if (f.length !== 4) {
      p(`${at}: expected code,name,parentCode,level`);
      continue;
    }
    const [code, name, parent, level] = f.map((x) => x.trim());
    if (!/^\d{6}$/.test(code) || (parent && !/^\d{6}$/.test(parent))) p(`${at}: codes must have 6 digits`);
    if (!["PROVINCE", "CITY", "COUNTY"].includes(level)) p(`${at}: unknown level ${level}`);
    if (!name) p(`${at}: the name is empty`);
    if (codes.has(code)) p(`${at}: duplicate code ${code}`);
    codes.set(code, parent || null);
  }
  for (const [code, parent] of codes) if (parent && !codes.has(parent)) p(`regions.csv: region ${code} names unknown parent ${parent}`);
  if (codes.size === 0) p("regions.csv holds no region");
  return codes.size;
}

// ---------------------------------------------------------------------------------------------------------------
// One rendered target

async function checkTarget(label, file, facts) {
  const problems = [];
  const text = readFileSync(file, "utf8");
  const parsed = YAML.parseAllDocuments(text);
  const docs = [];
  for (const [i, d] of parsed.entries()) {
    if (d.errors.length) problems.push(`document ${i + 1}: YAML error: ${d.errors[0].message}`);
    else if (d.contents !== null) docs.push(d.toJS());
  }

  const index = new Map();
  const byKind = (kind) => index.get(kind) ?? new Map();
  let builtIn = 0;
  let custom = 0;
  for (const doc of docs) {
    const p = (msg) => problems.push(`${ref(doc)}: ${msg}`);
    if (!isObject(doc)) {
      problems.push("a document is not a map");
      continue;
    }
    if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
      p("apiVersion and kind are required");
      continue;
    }
    if (typeof doc.metadata?.name !== "string" || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(doc.metadata.name) || doc.metadata.name.length > 253) {
      p("metadata.name is required and must be a DNS name");
      continue;
    }
    if (!CLUSTER_SCOPED.has(doc.kind) && doc.metadata.namespace !== NAMESPACE) p(`metadata.namespace must be ${NAMESPACE}`);
    if (!index.has(doc.kind)) index.set(doc.kind, new Map());
    if (index.get(doc.kind).has(doc.metadata.name)) p("defined twice");
    index.get(doc.kind).set(doc.metadata.name, doc);

    if (CUSTOM_KINDS[doc.apiVersion]) {
      custom++;
      if (!CUSTOM_KINDS[doc.apiVersion].includes(doc.kind)) p(`${doc.apiVersion} has no kind ${doc.kind} that this check knows`);
      else if (!isObject(doc.spec)) p("spec is required");
      continue;
    }
    const Model = await modelFor(doc.apiVersion, doc.kind);
    if (!Model) {
      p(`${doc.apiVersion} ${doc.kind} is neither a built-in kind nor a custom resource this check knows`);
      continue;
    }
    builtIn++;
    for (const e of schemaErrors(Model, doc)) p(`schema: ${e}`);
  }

  // --- custom resources
  const kafkas = byKind("Kafka");
  const brokers = new Map();
  const controllers = new Map();
  for (const pool of byKind("KafkaNodePool").values()) {
    const c = pool.metadata?.labels?.["strimzi.io/cluster"];
    const n = isInt(pool.spec?.replicas) ? pool.spec.replicas : 0;
    if (pool.spec?.roles?.includes?.("broker")) brokers.set(c, (brokers.get(c) ?? 0) + n);
    if (pool.spec?.roles?.includes?.("controller")) controllers.set(c, (controllers.get(c) ?? 0) + n);
  }
  for (const k of kafkas.values()) {
    const p = (msg) => problems.push(`${ref(k)}: ${msg}`);
    if (!isObject(k.spec)) continue;
    checkKafka(k, p);
    const name = k.metadata.name;
    const b = brokers.get(name) ?? 0;
    const c = controllers.get(name) ?? 0;
    if (b < 1) p("no KafkaNodePool with the broker role belongs to it");
    if (c < 1) p("no KafkaNodePool with the controller role belongs to it");
    if (c > 0 && c % 2 === 0) p(`${c} controllers: a KRaft quorum needs an odd number`);
    const cfg = k.spec.kafka?.config ?? {};
    for (const key of ["default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor"]) {
      const v = Number(cfg[key] ?? 1);
      if (!isInt(v) || v < 1 || v > b) p(`config ${key} ${cfg[key]} must be between 1 and the ${b} broker(s)`);
    }
    const isr = Number(cfg["min.insync.replicas"] ?? 1);
    if (!isInt(isr) || isr < 1 || isr > Number(cfg["default.replication.factor"] ?? 1)) p("config min.insync.replicas must be between 1 and default.replication.factor");
    if (Number(cfg["transaction.state.log.min.isr"] ?? 1) > Number(cfg["transaction.state.log.replication.factor"] ?? 1)) {
      p("config transaction.state.log.min.isr exceeds transaction.state.log.replication.factor");
    }
    const groupRegex = k.spec.kafkaExporter?.groupRegex;
    if (groupRegex) {
      for (const [group, where] of facts.groups) {
        if (!new RegExp(`^(?:${groupRegex})$`).test(group)) p(`kafkaExporter.groupRegex does not cover consumer group ${group} (${where}): its lag would not be exported`);
      }
    }
  }
  for (const pool of byKind("KafkaNodePool").values()) {
    if (isObject(pool.spec)) checkNodePool(pool, (msg) => problems.push(`${ref(pool)}: ${msg}`), kafkas);
  }
  const topics = new Map();
  for (const t of byKind("KafkaTopic").values()) {
    if (!isObject(t.spec)) continue;
    const name = checkTopic(t, (msg) => problems.push(`${ref(t)}: ${msg}`), kafkas, brokers);
    if (topics.has(name)) problems.push(`${ref(t)}: topic ${name} is also defined by ${ref(topics.get(name))}`);
    topics.set(name, t);
  }
  for (const [topic, where] of facts.topics) {
    if (!topics.has(topic)) problems.push(`KafkaTopic: topic ${topic} (named in ${where}) has no KafkaTopic, and the brokers do not auto-create topics`);
  }
  if (kafkas.size === 0) problems.push("Kafka: no Kafka resource");

  const pgClusters = [...byKind("Cluster").values()].filter((c) => isObject(c.spec));
  for (const c of pgClusters) checkPgCluster(c, (msg) => problems.push(`${ref(c)}: ${msg}`));
  if (pgClusters.length === 0) problems.push("Cluster: no CloudNativePG Cluster");

  // --- workloads and their references
  const deployments = byKind("Deployment");
  const ctx = {
    byKind,
    kafkas: [...kafkas.values()].filter((k) => isObject(k.spec?.kafka)),
    pgClusters,
    appSecretOf: (c) => c.spec?.bootstrap?.initdb?.secret?.name ?? `${c.metadata.name}-app`,
    secretKnown(name, key) {
      const s = byKind("Secret").get(name);
      if (s) return key in (s.data ?? {}) || key in (s.stringData ?? {});
      // CloudNativePG generates <cluster>-app (username, password, host, port, dbname, uri, jdbc-uri, ...)
      return pgClusters.some((c) => name === `${c.metadata.name}-app` && ["username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"].includes(key));
    },
    podLabels: (service) => deployments.get(service)?.spec?.template?.metadata?.labels ?? {},
  };
  for (const d of deployments.values()) checkDeployment(d, (msg) => problems.push(`${ref(d)}: ${msg}`), ctx);

  const podsOf = (selector) => [...deployments.values()].filter((d) => labelsMatch(selector, d.spec?.template?.metadata?.labels));
  for (const s of byKind("Service").values()) {
    const p = (msg) => problems.push(`${ref(s)}: ${msg}`);
    const targets = podsOf({ matchLabels: s.spec?.selector ?? {} });
    if (targets.length === 0) p("its selector matches no Deployment's pods");
    for (const port of s.spec?.ports ?? []) {
      for (const d of targets) {
        const c = d.spec.template.spec.containers[0];
        if (portOf(c, port.targetPort ?? port.port) === null) p(`targetPort ${port.targetPort} is not a port of ${ref(d)}`);
      }
    }
  }
  for (const b of byKind("PodDisruptionBudget").values()) {
    const p = (msg) => problems.push(`${ref(b)}: ${msg}`);
    const targets = podsOf(b.spec?.selector);
    if (targets.length === 0) p("its selector matches no Deployment's pods");
    if (b.spec?.minAvailable !== undefined) {
      for (const d of targets) {
        if (Number(b.spec.minAvailable) >= (d.spec.replicas ?? 1)) p(`minAvailable ${b.spec.minAvailable} with ${d.spec.replicas ?? 1} replica(s) blocks every node drain`);
      }
    }
  }
  const maxReplicas = new Map([...deployments.values()].map((d) => [d.metadata.name, d.spec?.replicas ?? 1]));
  for (const h of byKind("HorizontalPodAutoscaler").values()) {
    const p = (msg) => problems.push(`${ref(h)}: ${msg}`);
    const t = h.spec?.scaleTargetRef ?? {};
    const d = t.kind === "Deployment" ? deployments.get(t.name) : null;
    if (!d) {
      p(`scaleTargetRef ${t.kind}/${t.name} is not part of the deployment`);
      continue;
    }
    if ((h.spec.minReplicas ?? 1) > h.spec.maxReplicas) p("minReplicas exceeds maxReplicas");
    if ((h.spec.minReplicas ?? 1) < 2) p("minReplicas below 2 leaves no redundancy");
    if (d.spec.replicas !== undefined) p(`${ref(d)} sets spec.replicas: every apply would reset what the autoscaler chose`);
    if ((h.spec.metrics ?? []).some((m) => m.resource?.name === "cpu") && !d.spec.template.spec.containers.every((c) => c.resources?.requests?.cpu)) {
      p("CPU utilisation needs a CPU request on every container");
    }
    maxReplicas.set(d.metadata.name, h.spec.maxReplicas);
  }

  // every service Deployment and its companions
  for (const [service, expected] of Object.entries(SERVICES)) {
    if (!deployments.has(service)) problems.push(`Deployment/${service}: missing`);
    if (!byKind("ServiceAccount").has(service)) problems.push(`ServiceAccount/${service}: missing`);
    if (!byKind("PodDisruptionBudget").has(service)) problems.push(`PodDisruptionBudget/${service}: missing`);
    const svc = byKind("Service").get(service);
    if (!svc) problems.push(`Service/${service}: missing`);
    else if (!(svc.spec?.ports ?? []).some((x) => x.port === expected.port)) problems.push(`Service/${service}: must expose port ${expected.port}`);
    // network policies: ingress and egress restricted, egress reaches DNS, Kafka and PostgreSQL
    const labels = ctx.podLabels(service);
    const policies = [...byKind("NetworkPolicy").values()].filter((np) => {
      const sel = np.spec?.podSelector ?? {};
      return Object.keys(sel).length === 0 || (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) || labelsMatch(sel, labels);
    });
    if (!policies.some((np) => np.spec?.policyTypes?.includes("Ingress"))) problems.push(`NetworkPolicy: nothing restricts ingress to ${service}`);
    const egress = policies.filter((np) => np.spec?.policyTypes?.includes("Egress"));
    if (egress.length === 0) problems.push(`NetworkPolicy: nothing restricts egress of ${service}`);
    else {
      const allowed = egress.flatMap((np) => np.spec.egress ?? []).flatMap((r) => (r.ports ?? []).map((x) => x.port));
      const kafkaPorts = ctx.kafkas.flatMap((k) => k.spec.kafka.listeners.filter((l) => !l.tls).map((l) => l.port));
      for (const [what, ports] of [["DNS", [53]], ["Kafka", kafkaPorts], ["PostgreSQL", [5432]]]) {
        if (!ports.some((x) => allowed.includes(x))) problems.push(`NetworkPolicy: ${service} may not reach ${what}`);
      }
    }
  }

  // connection budget: every pod at its maximum count, each with its pool, must fit max_connections
  for (const c of pgClusters) {
    const max = Number(c.spec.postgresql?.parameters?.max_connections ?? 100);
    let demand = 0;
    const parts = [];
    for (const d of deployments.values()) {
      const container = d.spec?.template?.spec?.containers?.[0] ?? {};
      let pool = (container.env ?? []).find((e) => e.name === "QUARKUS_DATASOURCE_JDBC_MAX_SIZE")?.value;
      for (const ef of container.envFrom ?? []) pool ??= byKind("ConfigMap").get(ef.configMapRef?.name)?.data?.QUARKUS_DATASOURCE_JDBC_MAX_SIZE;
      const size = Number(pool ?? facts.poolSize.get(d.metadata.name) ?? 20);
      demand += size * maxReplicas.get(d.metadata.name);
      parts.push(`${d.metadata.name} ${maxReplicas.get(d.metadata.name)}x${size}`);
    }
    const reserve = 10; // superuser_reserved_connections, the operator, psql sessions during an incident
    if (demand + reserve > max) problems.push(`${ref(c)}: max_connections ${max} is below the services' pools at full scale (${parts.join(" + ")} = ${demand}) plus ${reserve} in reserve`);
  }

  // region catalogue content
  let regions = 0;
  for (const cm of byKind("ConfigMap").values()) {
    for (const [key, value] of Object.entries(cm.data ?? {})) {
      if (key.endsWith(".csv")) regions += checkRegionsCsv(value, (msg) => problems.push(`${ref(cm)}: ${msg}`));
    }
  }

  return { label, documents: docs.length, builtIn, custom, regions, problems };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const repoAt = args.indexOf("--repo");
  if (repoAt < 0 || !args[repoAt + 1]) {
    console.error("usage: node check.mjs --repo <repository root> <label>=<rendered.yaml> ...");
    process.exit(2);
  }
  const repo = args[repoAt + 1];
  const targets = args.filter((_, i) => i !== repoAt && i !== repoAt + 1);
  const facts = repositoryFacts(repo);
  let failed = 0;
  let passed = 0;
  for (const t of targets) {
    const [label, file] = t.split("=");
    const r = await checkTarget(label, file, facts);
    const summary = `${r.documents} documents: ${r.builtIn} built-in validated against the Kubernetes schema, ${r.custom} custom resources checked, ${r.regions} regions in the catalogue`;
    if (r.problems.length === 0) {
      passed++;
      console.log(`ok    ${label}: ${summary}`);
    } else {
      failed++;
      console.log(`FAIL  ${label}: ${summary}; ${r.problems.length} problem(s):`);
      for (const msg of r.problems) console.log(`        - ${msg}`);
    }
  }
  console.log(`manifest checks: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
