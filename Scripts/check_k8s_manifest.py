#!/usr/bin/env python3
"""Checks DocAlign's Kubernetes manifest (no cluster needed): parses it as YAML (PyYAML) and checks
what a sharded DocAlign run on an Indexed Job needs.

usage: Scripts/check_k8s_manifest.py [FILE] [--self-test]
       (FILE defaults to deploy/kubernetes/docalign-indexed-job.yaml)

The shards Job: apiVersion batch/v1, kind Job, spec.completionMode Indexed, completions and
parallelism positive whole numbers and equal, template.spec.restartPolicy Never or OnFailure (Never
when backoffLimitPerIndex or podFailurePolicy is used), a container running `docalign batch MANIFEST
-o OUTDIR --shards N` with N (a number or $VAR from the container's env) equal to completions and
neither --shard nor --no-env-shard (each pod must take its shard from JOB_COMPLETION_INDEX), every
volumeMount naming a volume of the pod, and MANIFEST and OUTDIR on a persistentVolumeClaim volume.
The merge Job: batch/v1 Job, not Indexed, one completion, `docalign merge OUTDIR` on the same claim
and the same place in it. A PersistentVolumeClaim of that name in the file must be ReadWriteMany.
--self-test also checks that each of a list of broken variants of FILE is refused.
Exit status 0 when every check passes, 1 otherwise (each problem printed).
"""
import argparse
import copy
import posixpath
import re
import shlex
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    print("check_k8s_manifest.py: PyYAML is missing (apt-get install python3-yaml, or pip install PyYAML)",
          file=sys.stderr)
    sys.exit(1)

DEFAULT = Path(__file__).resolve().parent.parent / "deploy" / "kubernetes" / "docalign-indexed-job.yaml"
VAR = re.compile(r"^\$(?:\{(\w+)\}|\((\w+)\)|(\w+))$")


def command_words(container):
    """The words of the container's command line; a `sh -c SCRIPT` is split as the shell would."""
    words = [str(w) for w in (container.get("command") or []) + (container.get("args") or [])]
    for k, w in enumerate(words[:-1]):
        if posixpath.basename(w) in ("sh", "bash", "dash") and words[k + 1] == "-c" and k + 2 < len(words):
            lexer = shlex.shlex(words[k + 2], posix=True, punctuation_chars=";&|")
            lexer.whitespace_split = True
            return list(lexer)
    return words


def docalign_call(words, subcommand):
    """The arguments after `docalign SUBCOMMAND` up to the end of that shell command, or None."""
    for k, w in enumerate(words[:-1]):
        if posixpath.basename(w) == "docalign" and words[k + 1] == subcommand:
            rest = []
            for x in words[k + 2:]:
                if x in (";", "&&", "||", "|", "&"):
                    break
                rest.append(x)
            return rest
    return None


def resolve(value, env):
    """A literal or a $VAR / ${VAR} / $(VAR) taken from the container's env."""
    m = VAR.match(value)
    if not m:
        return value
    name = next(g for g in m.groups() if g)
    return env.get(name)


def option(args, name):
    """The value of `--name V` or `--name=V`, or None."""
    for k, a in enumerate(args):
        if a == name and k + 1 < len(args):
            return args[k + 1]
        if a.startswith(name + "="):
            return a[len(name) + 1:]
    return None


def positional(args):
    """The first argument that is neither an option nor an option's value."""
    takes_value = {"-o", "--output", "--format", "--jobs", "--min-score", "--lexicon", "--shard", "--shards",
                   "--resources"}
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in takes_value:
            skip = True
            continue
        if not a.startswith("-"):
            return a
    return None


def claim_location(path, container, pod, problems, what):
    """(claimName, path inside the claim) of a path in the container, or None with a problem noted."""
    if path is None:
        return None
    if not path.startswith("/"):
        problems.append(f"{what}: {path} is not an absolute path (the pod's working directory is not shared)")
        return None
    volumes = {v.get("name"): v for v in pod.get("volumes") or []}
    best = None
    for m in container.get("volumeMounts") or []:
        mount = posixpath.normpath(m.get("mountPath", ""))
        if path == mount or path.startswith(mount.rstrip("/") + "/"):
            if best is None or len(mount) > len(posixpath.normpath(best["mountPath"])):
                best = m
    if best is None:
        problems.append(f"{what}: {path} is on no volumeMount of container {container.get('name')}")
        return None
    volume = volumes.get(best.get("name"))
    if volume is None or "persistentVolumeClaim" not in volume:
        problems.append(f"{what}: {path} is on volume {best.get('name')}, which is not a persistentVolumeClaim "
                        "(the shards and the merge must share it)")
        return None
    inside = posixpath.relpath(path, posixpath.normpath(best["mountPath"]))
    inside = posixpath.normpath(posixpath.join(best.get("subPath", ""), inside))
    return volume["persistentVolumeClaim"].get("claimName"), inside


def check_pod_basics(job, name, problems):
    pod = ((job.get("spec") or {}).get("template") or {}).get("spec") or {}
    if pod.get("restartPolicy") not in ("Never", "OnFailure"):
        problems.append(f"{name}: spec.template.spec.restartPolicy must be Never or OnFailure "
                        f"(is {pod.get('restartPolicy')!r})")
    containers = pod.get("containers") or []
    if not containers:
        problems.append(f"{name}: spec.template.spec.containers is empty")
    volume_names = {v.get("name") for v in pod.get("volumes") or []}
    for c in containers:
        for m in c.get("volumeMounts") or []:
            if m.get("name") not in volume_names:
                problems.append(f"{name}: container {c.get('name')} mounts volume {m.get('name')!r}, "
                                "which spec.template.spec.volumes does not define")
            if not m.get("mountPath"):
                problems.append(f"{name}: a volumeMount of container {c.get('name')} has no mountPath")
    return pod, containers


def check(docs):
    """The problems of a parsed manifest (empty when it passes), and a one-line description."""
    problems = []
    for k, d in enumerate(docs):
        if not isinstance(d, dict) or not d.get("apiVersion") or not d.get("kind") \
                or not (d.get("metadata") or {}).get("name"):
            problems.append(f"document {k + 1}: needs apiVersion, kind and metadata.name")
    docs = [d for d in docs if isinstance(d, dict)]
    claims = {(d.get("metadata") or {}).get("name"): d for d in docs if d.get("kind") == "PersistentVolumeClaim"}
    jobs = [d for d in docs if d.get("kind") == "Job"]

    def runs(job, subcommand):
        pod = ((job.get("spec") or {}).get("template") or {}).get("spec") or {}
        return any(docalign_call(command_words(c), subcommand) is not None for c in pod.get("containers") or [])

    shard_jobs = [j for j in jobs if runs(j, "batch")]
    merge_jobs = [j for j in jobs if runs(j, "merge")]
    if len(shard_jobs) != 1:
        problems.append(f"expected one Job running `docalign batch`, found {len(shard_jobs)}")
    if len(merge_jobs) != 1:
        problems.append(f"expected one Job running `docalign merge`, found {len(merge_jobs)}")
    if problems:
        return problems, ""

    job = shard_jobs[0]
    name = f"Job {job['metadata']['name']}"
    spec = job.get("spec") or {}
    if job.get("apiVersion") != "batch/v1":
        problems.append(f"{name}: apiVersion must be batch/v1 (is {job.get('apiVersion')!r})")
    if spec.get("completionMode") != "Indexed":
        problems.append(f"{name}: spec.completionMode must be Indexed (is {spec.get('completionMode')!r}); "
                        "without it pods get no JOB_COMPLETION_INDEX")
    completions, parallelism = spec.get("completions"), spec.get("parallelism")
    for field, value in (("completions", completions), ("parallelism", parallelism)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(f"{name}: spec.{field} must be a positive whole number (is {value!r})")
    if isinstance(completions, int) and isinstance(parallelism, int) and completions != parallelism:
        problems.append(f"{name}: spec.parallelism ({parallelism}) must equal spec.completions ({completions}): "
                        "one pod per shard")
    pod, containers = check_pod_basics(job, name, problems)
    if ("backoffLimitPerIndex" in spec or "podFailurePolicy" in spec) and pod.get("restartPolicy") != "Never":
        problems.append(f"{name}: backoffLimitPerIndex and podFailurePolicy need restartPolicy Never")
    outdir = out_location = None
    for c in containers:
        args = docalign_call(command_words(c), "batch")
        if args is None:
            continue
        env = {e.get("name"): str(e.get("value")) for e in c.get("env") or [] if "value" in e}
        shards = option(args, "--shards")
        if shards is None:
            problems.append(f"{name}: `docalign batch` needs --shards N (N = completions)")
        else:
            value = resolve(shards, env)
            if value is None:
                problems.append(f"{name}: --shards {shards}: no such variable in container {c.get('name')}'s env")
            elif not value.isdigit() or int(value) != completions:
                problems.append(f"{name}: --shards {shards} (= {value}) must equal spec.completions ({completions})")
        for bad in ("--shard", "--no-env-shard"):
            if any(a == bad or a.startswith(bad + "=") for a in args):
                problems.append(f"{name}: `docalign batch` must not get {bad}: each pod takes its shard from "
                                "JOB_COMPLETION_INDEX")
        manifest = positional(args)
        outdir = option(args, "-o") or option(args, "--output")
        if manifest is None:
            problems.append(f"{name}: `docalign batch` has no MANIFEST argument")
        if outdir is None:
            problems.append(f"{name}: `docalign batch` has no -o OUTDIR")
        claim_location(manifest, c, pod, problems, f"{name}: the manifest")
        out_location = claim_location(outdir, c, pod, problems, f"{name}: the output")

    merge = merge_jobs[0]
    mname = f"Job {merge['metadata']['name']}"
    mspec = merge.get("spec") or {}
    if merge.get("apiVersion") != "batch/v1":
        problems.append(f"{mname}: apiVersion must be batch/v1 (is {merge.get('apiVersion')!r})")
    if mspec.get("completionMode") == "Indexed":
        problems.append(f"{mname}: the merge must not be Indexed (one merge after all shards)")
    if mspec.get("completions", 1) != 1 or mspec.get("parallelism", 1) != 1:
        problems.append(f"{mname}: the merge must run once (completions = parallelism = 1)")
    mpod, mcontainers = check_pod_basics(merge, mname, problems)
    for c in mcontainers:
        args = docalign_call(command_words(c), "merge")
        if args is None:
            continue
        mout = positional(args)
        if mout is None:
            problems.append(f"{mname}: `docalign merge` has no OUTDIR argument")
            continue
        location = claim_location(mout, c, mpod, problems, f"{mname}: the merged directory")
        if location and out_location and location != out_location:
            problems.append(f"{mname}: merges {mout} = claim {location[0]}:{location[1]}, but the shards write "
                            f"{outdir} = claim {out_location[0]}:{out_location[1]}")
    description = ""
    if out_location:
        claim = claims.get(out_location[0])
        if claim is not None:
            modes = (claim.get("spec") or {}).get("accessModes") or []
            if "ReadWriteMany" not in modes:
                problems.append(f"PersistentVolumeClaim {out_location[0]}: accessModes must include ReadWriteMany "
                                f"(pods of the Indexed Job run on several nodes at once; is {modes})")
        description = (f"Indexed Job {job['metadata']['name']} ({completions} shards, --shards {completions}), "
                       f"merge Job {merge['metadata']['name']}, shared claim {out_location[0]}"
                       f"{' (ReadWriteMany)' if claim is not None else ' (defined elsewhere)'}")
    return problems, description


def mutations():
    """Broken variants (description, function changing the parsed documents in place)."""
    def shards_job(docs):
        return next(d for d in docs if d.get("kind") == "Job" and d["spec"].get("completionMode") == "Indexed")

    def merge_job(docs):
        return next(d for d in docs if d.get("kind") == "Job" and d["spec"].get("completionMode") != "Indexed")

    def container(job):
        return job["spec"]["template"]["spec"]["containers"][0]

    def set_script(job, old, new):
        c = container(job)
        c["args"] = [a.replace(old, new) for a in c.get("args", [])]
        c["command"] = [a.replace(old, new) for a in c.get("command", [])]

    def set_env(job, value):
        for e in container(job).get("env", []):
            if e["name"] == "DOCALIGN_SHARDS":
                e["value"] = value

    yield "apiVersion batch/v2", lambda d: shards_job(d).__setitem__("apiVersion", "batch/v2")
    yield "no completionMode", lambda d: shards_job(d)["spec"].pop("completionMode")
    yield "completions 0", lambda d: shards_job(d)["spec"].__setitem__("completions", 0)
    yield "parallelism != completions", lambda d: shards_job(d)["spec"].__setitem__(
        "parallelism", shards_job(d)["spec"]["completions"] + 1)
    yield "restartPolicy Always", lambda d: shards_job(d)["spec"]["template"]["spec"].__setitem__(
        "restartPolicy", "Always")
    yield "--shards differs from completions", lambda d: set_env(shards_job(d), "3")
    yield "--no-env-shard", lambda d: set_script(shards_job(d), "--quiet", "--quiet --no-env-shard")
    yield "no --shards", lambda d: set_script(shards_job(d), '--shards "$DOCALIGN_SHARDS"', "")
    yield "output off the shared volume", lambda d: set_script(shards_job(d), "-o /data/out", "-o /tmp/out")
    yield "volumeMount of an undefined volume", lambda d: container(shards_job(d))["volumeMounts"][0].__setitem__(
        "name", "scratch")
    yield "emptyDir instead of the claim", lambda d: shards_job(d)["spec"]["template"]["spec"].__setitem__(
        "volumes", [{"name": "data", "emptyDir": {}}])
    yield "merge of another directory", lambda d: container(merge_job(d)).__setitem__(
        "command", ["docalign", "merge", "/data/other"])
    yield "no merge Job", lambda d: d.remove(merge_job(d))
    yield "ReadWriteOnce claim", lambda d: next(x for x in d if x.get("kind") == "PersistentVolumeClaim")[
        "spec"].__setitem__("accessModes", ["ReadWriteOnce"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    try:
        with open(a.file, encoding="utf-8") as f:
            docs = [d for d in yaml.safe_load_all(f) if d is not None]
    except OSError as e:
        print(f"{a.file}: cannot read: {e.strerror}", file=sys.stderr)
        return 1
    except yaml.YAMLError as e:
        print(f"{a.file}: not valid YAML: {e}", file=sys.stderr)
        return 1
    problems, description = check(docs)
    if problems:
        for p in problems:
            print(f"{a.file}: {p}", file=sys.stderr)
        return 1
    print(f"{a.file}: OK: {description}")
    if a.self_test:
        missed = []
        count = 0
        for what, change in mutations():
            count += 1
            broken = copy.deepcopy(docs)
            change(broken)
            if not check(broken)[0]:
                missed.append(what)
        if missed:
            print(f"self-test: not refused: {', '.join(missed)}", file=sys.stderr)
            return 1
        print(f"self-test: all {count} broken variants refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
