"""Pro Santé Connect sign-in for an Innomed homeserver.

Two pieces, loaded by Synapse:

- ``PscMappingProvider`` (``oidc_providers[].user_mapping_provider.module``) turns PSC's
  userinfo into a Matrix account. The account is keyed by the national id (``SubjectNameID``),
  so the same doctor signing in again gets the same account; its Matrix id is opaque (random,
  never the RPPS or ADELI number). Claims without a national id, or with no practice of a
  profession this CPTS accepts, are refused before any account exists. At every sign-in the
  verified attributes (national id, names, profession and specialty codes) are kept in the
  ``innomed_psc_identities`` table.
- ``PscDirectory`` (``modules:``) serves those attributes to signed-in users of this
  homeserver at ``GET /_innomed/psc/v1/identities/{user_id}``, for the CPTS coordinator who
  approves a member: the same professional data the public Annuaire Santé lists, never
  patient data.

Log lines carry user ids only, never a national id or a name.
"""

import json
import logging
import secrets
import time
from typing import Any
from urllib.parse import unquote

from twisted.web.resource import Resource
from twisted.web.server import NOT_DONE_YET

logger = logging.getLogger(__name__)

TABLE = "innomed_psc_identities"
AUTH_PROVIDER = "oidc-psc"
# Professions of the national nomenclature (TRE_G15) an Innomed CPTS may accept.
KNOWN_PROFESSIONS = {"10", "21", "40", "50", "60", "70"}


def _create_table(txn: Any) -> None:
    txn.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        " national_id TEXT PRIMARY KEY NOT NULL,"
        " attributes TEXT NOT NULL,"
        " updated_ts BIGINT NOT NULL)"
    )


def _national_id(userinfo: Any) -> str:
    value = userinfo.get("SubjectNameID")
    if not isinstance(value, str) or not value.strip() or not value.strip().isalnum():
        raise ValueError("Pro Santé Connect gave no national id")
    return value.strip()


def _practices(userinfo: Any) -> list:
    ref = userinfo.get("SubjectRefPro") or {}
    practices = ref.get("exercices") if isinstance(ref, dict) else None
    return [p for p in practices or [] if isinstance(p, dict)]


class PscConfig:
    def __init__(self, accepted_professions: list):
        self.accepted_professions = accepted_professions


class PscMappingProvider:
    def __init__(self, config: PscConfig, module_api: Any):
        self._config = config
        self._api = module_api

    @staticmethod
    def parse_config(config: dict) -> PscConfig:
        accepted = [str(code) for code in config.get("accepted_professions", ["10"])]
        unknown = [code for code in accepted if code not in KNOWN_PROFESSIONS]
        if not accepted or unknown:
            raise ValueError(f"accepted_professions: unknown codes {unknown}")
        return PscConfig(accepted)

    def _practice(self, userinfo: Any) -> dict:
        for practice in _practices(userinfo):
            if str(practice.get("codeProfession", "")) in self._config.accepted_professions:
                return practice
        raise ValueError("no practice of a profession this CPTS accepts")

    def get_remote_user_id(self, userinfo: Any) -> str:
        # Checked here, before Synapse looks the account up or creates it: a refusal leaves
        # nothing behind.
        national_id = _national_id(userinfo)
        self._practice(userinfo)
        return national_id

    async def map_user_attributes(self, userinfo: Any, token: Any, failures: int) -> dict:
        practice = self._practice(userinfo)
        given = practice.get("prenomExercice") or userinfo.get("given_name") or ""
        family = practice.get("nomExercice") or userinfo.get("family_name") or ""
        display_name = " ".join(part for part in (given.strip(), family.strip()) if part)
        return {
            # Opaque: nothing of the national id or the name.
            "localpart": "u" + secrets.token_hex(8),
            "confirm_localpart": False,
            "display_name": display_name or None,
            "emails": [],
        }

    async def get_extra_attributes(self, userinfo: Any, token: Any) -> dict:
        national_id = _national_id(userinfo)
        practice = self._practice(userinfo)
        attributes = {
            "national_id": national_id,
            "given_name": (practice.get("prenomExercice") or userinfo.get("given_name") or "").strip(),
            "family_name": (practice.get("nomExercice") or userinfo.get("family_name") or "").strip(),
            "profession": str(practice.get("codeProfession", "")),
            "specialty": str(practice.get("codeSavoirFaire") or ""),
        }
        now = int(time.time() * 1000)

        def store(txn: Any) -> None:
            _create_table(txn)
            txn.execute(f"DELETE FROM {TABLE} WHERE national_id = ?", (national_id,))
            txn.execute(
                f"INSERT INTO {TABLE} (national_id, attributes, updated_ts) VALUES (?, ?, ?)",
                (national_id, json.dumps(attributes), now),
            )

        await self._api.run_db_interaction("innomed_psc_store", store)
        # Nothing goes back to the client in the login response.
        return {}


class PscDirectory:
    def __init__(self, config: dict, api: Any):
        self._api = api
        api.register_web_resource("/_innomed/psc/v1/identities", IdentityResource(api))

    @staticmethod
    def parse_config(config: dict) -> dict:
        return config or {}


class IdentityResource(Resource):
    isLeaf = True

    def __init__(self, api: Any):
        super().__init__()
        self._api = api

    def render_GET(self, request: Any) -> Any:
        from twisted.internet import defer

        defer.ensureDeferred(self._answer(request))
        return NOT_DONE_YET

    async def _answer(self, request: Any) -> None:
        try:
            status, body = await self._identity(request)
        except Exception as e:  # an expired token, a bad path: the standard Matrix error
            code = getattr(e, "code", 500)
            errcode = getattr(e, "errcode", "M_UNKNOWN")
            status, body = int(code), {"errcode": errcode, "error": "refused"}
            if status >= 500:
                logger.warning("PSC identity lookup failed: %s", type(e).__name__)
        request.setResponseCode(status)
        request.setHeader(b"Content-Type", b"application/json")
        request.setHeader(b"Cache-Control", b"no-store")
        request.write(json.dumps(body).encode("utf-8"))
        request.finish()

    async def _identity(self, request: Any) -> tuple:
        requester = await self._api.get_user_by_req(request)
        path = request.path.decode("utf-8")
        user_id = unquote(path.rsplit("/", 1)[-1])
        if not user_id.startswith("@"):
            return 400, {"errcode": "M_INVALID_PARAM", "error": "expected a user id"}

        def lookup(txn: Any) -> Any:
            _create_table(txn)
            txn.execute(
                f"SELECT i.attributes FROM user_external_ids AS e"
                f" JOIN {TABLE} AS i ON i.national_id = e.external_id"
                f" WHERE e.user_id = ? AND e.auth_provider = ?",
                (user_id, AUTH_PROVIDER),
            )
            return txn.fetchone()

        row = await self._api.run_db_interaction("innomed_psc_lookup", lookup)
        logger.info(
            "PSC identity of %s read by %s: %s",
            user_id,
            requester.user.to_string(),
            "found" if row else "none",
        )
        if row is None:
            return 404, {"errcode": "M_NOT_FOUND", "error": "no Pro Santé Connect identity"}
        return 200, json.loads(row[0])
