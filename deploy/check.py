#!/usr/bin/env python3
"""Checks the production Synapse configuration in deploy/synapse/.

1. Every YAML file parses (PyYAML) to a mapping.
2. homeserver.yaml carries Innomed's privacy, account, closed-federation and retention settings
   with the expected values, carries every setting of tests/harness/synapse/privacy.yaml
   (the layer the tests run) with the same value, and holds no inline secret.
When Synapse is importable (its venv: target/synapse/venv/bin/python deploy/check.py):
3. every key of homeserver.yaml appears in Synapse's source (catches invented options),
4. Synapse's own parser loads homeserver.yaml with --no-secrets-in-config, in a temporary
   directory with generated secret files, and log.yaml configures logging that writes.
Nothing is left behind. Exits non-zero on the first failure.
"""

import logging
import logging.config
import os
import re
import secrets
import sys
import tempfile
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent
SYNAPSE_DIR = DEPLOY / "synapse"
PRIVACY_YAML = DEPLOY.parent / "tests" / "harness" / "synapse" / "privacy.yaml"

EXPECTED = {
    "encryption_enabled_by_default_for_room_type": "all",
    "presence.enabled": False,
    "url_preview_enabled": False,
    "limit_profile_requests_to_users_who_share_rooms": True,
    "require_auth_for_profile_requests": True,
    "include_profile_data_on_invite": False,
    "user_directory.search_all_users": False,
    "allow_public_rooms_without_auth": False,
    "allow_public_rooms_over_federation": False,
    "enable_room_list_search": False,
    "push.include_content": False,
    "enable_registration": False,
    "allow_guest_access": False,
    "enable_3pid_lookup": False,
    "auto_join_rooms": [],
    "trusted_key_servers": [],
    "federation_verify_certificates": True,
    "federation_client_minimum_tls_version": "1.2",
    "report_stats": False,
    "enable_metrics": False,
    "database.name": "psycopg2",
    "retention.enabled": True,
    "retention.default_policy.max_lifetime": "365d",
    "forget_rooms_on_leave": True,
    "enable_media_repo": True,
    "enable_authenticated_media": True,
    "max_upload_size": "50M",
    "listeners.0.bind_addresses": ["127.0.0.1"],
    "listeners.0.x_forwarded": True,
    "listeners.0.resources.0.names": ["client"],
    "listeners.1.bind_addresses": ["127.0.0.1"],
    "listeners.1.tls": False,
    "listeners.1.resources.0.names": ["federation"],
    "password_config.enabled": False,
    "oidc_providers.0.idp_id": "psc",
    "oidc_providers.0.scopes": ["openid", "scope_all"],
    "oidc_providers.0.user_profile_method": "userinfo_endpoint",
    "oidc_providers.0.additional_authorization_parameters.acr_values": "eidas1",
    "oidc_providers.0.user_mapping_provider.module": "innomed_psc.PscMappingProvider",
    "oidc_providers.0.client_secret_path": "/etc/synapse/secrets/psc_client_secret",
    "modules.0.module": "innomed_psc.PscDirectory",
}
MODULES = DEPLOY / "synapse" / "modules"
TEMPLATES = DEPLOY / "synapse" / "templates"
INLINE_SECRETS = ("macaroon_secret_key", "form_secret", "registration_shared_secret")
SECRET_PATHS = (
    "signing_key_path",
    "macaroon_secret_key_path",
    "form_secret_path",
    "registration_shared_secret_path",
)

passed = 0


def check(ok, what):
    global passed
    if not ok:
        sys.exit(f"FAILED: {what}")
    passed += 1
    print(f"ok: {what}")


def lookup(config, dotted):
    value = config
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def contains(actual, expected):
    """expected, with nested mappings allowed to have more keys in actual."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and contains(actual[key], value) for key, value in expected.items()
        )
    return actual == expected


# Subtrees Synapse hands to someone else: psycopg2, the identity provider, Innomed's modules.
OPAQUE = {
    "database.args",
    "oidc_providers.additional_authorization_parameters",
    "oidc_providers.user_mapping_provider.config",
    "modules.config",
}


def keys_of(node, prefix=""):
    """Every mapping key of the config, dotted, except inside the OPAQUE subtrees."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{prefix}{key}", key
            if f"{prefix}{key}" not in OPAQUE:
                yield from keys_of(value, f"{prefix}{key}.")
    elif isinstance(node, list):
        for item in node:
            yield from keys_of(item, prefix)


def check_files():
    configs = {}
    for path in sorted(SYNAPSE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        check(isinstance(data, dict), f"{path.name} parses to a mapping")
        configs[path.name] = data
    check({"homeserver.yaml", "log.yaml"} <= configs.keys(), "homeserver.yaml and log.yaml exist")
    return configs


def check_settings(hs):
    for dotted, expected in EXPECTED.items():
        try:
            actual = lookup(hs, dotted)
        except (KeyError, IndexError, TypeError):
            check(False, f"{dotted} is set")
        check(actual == expected, f"{dotted} == {expected!r}")
    privacy = yaml.safe_load(PRIVACY_YAML.read_text(encoding="utf-8"))
    for key, value in privacy.items():
        check(contains(hs.get(key), value), f"{key} as in tests/harness/synapse/privacy.yaml")
    for key in INLINE_SECRETS:
        check(key not in hs, f"no inline {key}")
    check("password" not in hs["database"]["args"], "no database password")
    allowed = hs.get("federation_domain_whitelist")
    check(isinstance(allowed, list), "federation closed: an explicit allow-list (never absent)")
    check(all(isinstance(s, str) and s and "*" not in s for s in allowed),
          "federation allow-list: server names, no wildcard")
    check(hs["server_name"] not in allowed, "federation allow-list: partners, not this server")
    for key in SECRET_PATHS:
        check(str(hs.get(key, "")).startswith("/etc/synapse/secrets/"), f"{key} is a file")


def check_with_synapse(hs, log_config):
    try:
        import synapse
        from signedjson.key import generate_signing_key, write_signing_keys
        from synapse.config.homeserver import HomeServerConfig
    except ImportError:
        print("skipped: Synapse is not importable here, its own parser was not run")
        return
    package = Path(synapse.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    for dotted, key in keys_of(hs):
        check(re.search(rf"[\"']{re.escape(key)}[\"']", source), f"Synapse reads {dotted}")

    with tempfile.TemporaryDirectory(prefix="innomed-deploy-check-") as tmp:
        tmp = Path(tmp)
        for key in SECRET_PATHS[1:]:
            (tmp / key).write_text(secrets.token_hex(32) + "\n")
        with open(tmp / "signing_key_path", "w") as f:
            write_signing_keys(f, [generate_signing_key("a_check")])
        logs = dict(log_config)
        logs["handlers"] = {**log_config["handlers"]}
        logs["handlers"]["file"] = {**log_config["handlers"]["file"], "filename": str(tmp / "hs.log")}
        (tmp / "log.yaml").write_text(yaml.safe_dump(logs))
        (tmp / "psc_client_secret").write_text(secrets.token_hex(32) + "\n")
        config = dict(hs)
        config.update({key: str(tmp / key) for key in SECRET_PATHS})
        config["oidc_providers"] = [
            {**provider, "client_secret_path": str(tmp / "psc_client_secret")}
            for provider in hs["oidc_providers"]
        ]
        config["templates"] = {"custom_template_directory": str(TEMPLATES)}
        # The mapping module loads from the repository, as from /etc/synapse/modules.
        sys.path.insert(0, str(MODULES))
        config["media_store_path"] = str(tmp / "media_store")
        config["log_config"] = str(tmp / "log.yaml")
        (tmp / "homeserver.yaml").write_text(yaml.safe_dump(config))

        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            parsed = HomeServerConfig.load_config(
                "check", ["-c", str(tmp / "homeserver.yaml"), "--no-secrets-in-config"]
            )
        finally:
            os.chdir(cwd)
        check(True, "Synapse parses homeserver.yaml with --no-secrets-in-config")
        check(parsed.server.presence_enabled is False, "parsed: presence off")
        check(parsed.registration.enable_registration is False, "parsed: registration closed")
        check(parsed.federation.federation_domain_whitelist == {s: True for s in hs["federation_domain_whitelist"]},
              "parsed: federation limited to the listed partners")
        check(not parsed.federation.is_domain_allowed_according_to_federation_whitelist("matrix.org"),
              "parsed: a server outside the list is refused")
        check(parsed.tls.federation_verify_certificates is True, "parsed: partners' certificates verified")
        check(parsed.federation.destination_min_retry_interval_ms == 15_000
              and parsed.federation.destination_max_retry_interval_ms == 300_000,
              "parsed: a partner back is tried again within 15 s, every 5 min at most")
        check(parsed.push.push_include_content is False, "parsed: push without content")
        check(parsed.retention.retention_default_max_lifetime == 365 * 86400 * 1000,
              "parsed: retention max_lifetime one year")
        check(parsed.media.max_upload_size == 50 * 1024 * 1024, "parsed: max_upload_size 50 MiB")
        check(parsed.key.key_servers == [], "parsed: no trusted key server")
        check(parsed.auth.password_enabled_for_login is False, "parsed: no password sign-in")
        psc = parsed.oidc.oidc_providers[0]
        check(psc.idp_id == "oidc-psc", "parsed: the Pro Santé Connect provider")
        check(psc.user_mapping_provider_class.__name__ == "PscMappingProvider",
              "parsed: Innomed's PSC mapping module loads")
        check((TEMPLATES / "sso_error.html").is_file(), "the French refusal page exists")

        logging.config.dictConfig(yaml.safe_load((tmp / "log.yaml").read_text()))
        logging.getLogger("innomed.check").warning("deploy check", extra={"request": "-"})
        logging.shutdown()
        check("deploy check" in (tmp / "hs.log").read_text(), "log.yaml configures a writing logger")


def main():
    configs = check_files()
    hs = configs["homeserver.yaml"]
    check_settings(hs)
    check_with_synapse(hs, configs["log.yaml"])
    print(f"deploy check: {passed} passed, 0 failed")


if __name__ == "__main__":
    main()
