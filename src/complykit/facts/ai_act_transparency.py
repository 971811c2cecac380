"""Art. 50: the transparency situations a system is in, the exceptions the article itself
makes to them, and the duties left unmet (AIA010, AIA031)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from complykit.facts.ai_act_index import (
    OMNIBUS_DATES,
    Gap,
    Start,
    catalog,
    is_legacy,
    start_of,
    systems,
)
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.ai_system import AiSystem
from complykit.workspace.repository import Repository

# The Art. 50 paragraph for each transparency flag; the catalog says whom each one binds.
_ART50 = {
    "interacts_with_people": ("Art. 50(1)", "interacts directly with people"),
    "synthetic_content": ("Art. 50(2)", "generates synthetic audio, images, video or text"),
    "emotion_recognition": ("Art. 50(3)", "recognises emotions"),
    "biometric_categorisation": ("Art. 50(3)", "sorts people into categories by biometric data"),
    "deep_fake": ("Art. 50(4)", "generates or manipulates deep fakes"),
    "public_interest_text": ("Art. 50(4)", "writes text published to inform the public"),
}
_ART50_DUTY = {
    "Art. 50(1)": "tell people they are dealing with an AI system",
    "Art. 50(2)": "mark its output as AI-generated in a machine-readable way",
    "Art. 50(3)": "inform the people exposed to it",
    "Art. 50(4)": "disclose that the content is AI-generated or manipulated",
}


def transparency_gaps(repo: Repository) -> Iterator[Gap]:
    """Art. 50 situations of our role with nothing recorded to meet them: a `disclosure` for
    paragraphs 1, 3 and 4, which tell people, and a `marking` for paragraph 2, which marks the
    output itself so that machines can detect it. An exception the paragraph itself makes,
    recorded in `exceptions` with its `reasoning`, stands in for either; one without reasoning
    does not, because nothing shows it holds (Art. 50(1)'s 'obvious', for one, depends on the
    circumstances and the context of use) and AIA031 asks for it. An evidently artistic work
    only limits the deep-fake disclosure (Art. 50(4), first subparagraph), so it still needs
    one."""
    found = catalog(repo)
    for entry, system in systems(repo, in_use=True):
        facts = system.classification.transparency
        grounds = {e.ground for e in facts.exceptions if e.reasoning is not None}
        unexplained = [e.ground for e in facts.exceptions if e.reasoning is None]
        for flag, (paragraph, what) in _ART50.items():
            item = found.item(paragraph) if found else None
            addressee = str(item.attributes.get("addressee", "")) if item else ""
            loc = _flag_source(system, flag)
            field = _ART50_FIELD.get(paragraph, "disclosure")
            if loc is None or addressee not in system.roles or getattr(facts, field):
                continue
            if any(flag in ART50_EXCEPTIONS[ground] for ground in grounds - _LIMITS_ONLY):
                continue
            duty = _ART50_DUTY[paragraph]
            if flag == "deep_fake" and "artistic-work" in grounds:
                duty = _ARTISTIC_DUTY
            yield Gap(
                entry,
                loc,
                f"'{system.name}' {what}; as {addressee} we must {duty}, but no `{field}` says how"
                + _unexplained_note(flag, unexplained),
                (f"AI Act {paragraph}",),
                _art50_start(repo, system, paragraph),
            )


def _unexplained_note(flag: str, unexplained: Sequence[str]) -> str:
    """Why a recorded exception that would reach ``flag`` does not lift the duty: it has no
    reasoning, so nothing shows it holds."""
    grounds = [g for g in unexplained if flag in ART50_EXCEPTIONS[g] and g not in _LIMITS_ONLY]
    if not grounds:
        return ""
    named = " and ".join(f"'{g}'" for g in dict.fromkeys(grounds))
    return (
        f" (the {named} exception it records has no `reasoning`, so it does not stand in for "
        "the duty: AIA031)"
    )


# The situations (transparency flags) each exception of Art. 50 reaches, by the paragraph that
# makes it: 50(1) obvious; 50(1)-(4) law enforcement; 50(2) assistive editing and no substantial
# alteration; 50(4) first subparagraph evidently artistic works, second editorial responsibility.
ART50_EXCEPTIONS: dict[str, frozenset[str]] = {
    "obvious": frozenset({"interacts_with_people"}),
    "law-enforcement": frozenset(_ART50),
    "assistive-editing": frozenset({"synthetic_content"}),
    "no-substantial-alteration": frozenset({"synthetic_content"}),
    "artistic-work": frozenset({"deep_fake"}),
    "editorial-responsibility": frozenset({"public_interest_text"}),
}
# An evidently artistic, creative, satirical or fictional work limits the deep-fake duty to
# disclosing that such content exists; it does not lift it (Art. 50(4), first subparagraph).
_LIMITS_ONLY = frozenset({"artistic-work"})
_ARTISTIC_DUTY = (
    "disclose, in a manner that does not hamper the display or enjoyment of the work, that it "
    "contains AI-generated or manipulated content (the limited duty for an evidently artistic, "
    "creative, satirical or fictional work)"
)


# The field that meets each paragraph when it is not `disclosure`.
_ART50_FIELD = {"Art. 50(2)": "marking"}


def _art50_start(repo: Repository, system: AiSystem, paragraph: str) -> Start:
    """When the paragraph applies to the system. The Omnibus grace period of Art. 50(2) holds
    only for systems placed on the market before the general date of application: for one put
    into service later the grace period is not mentioned, and for one in service before it,
    a workspace that chose the Omnibus dates is judged by the deferred date."""
    start = start_of(repo, [paragraph])
    if paragraph != "Art. 50(2)" or start.omnibus_note is None or system.in_use_since is None:
        return start
    if not is_legacy(repo, system):
        return Start(start.applies)
    if repo.config.ai_act.dates == OMNIBUS_DATES:
        # In use before the general date: the grace period's condition holds.
        return start.under_omnibus(condition_met=True)
    return start


# Practices that are themselves Art. 50(3) situations, whatever the transparency block says.
_PRACTICE_FLAGS = {
    "emotion-recognition": "emotion_recognition",
    "biometric-categorisation": "biometric_categorisation",
}


def _flag_source(system: AiSystem, flag: str) -> Loc | None:
    """Where the record says an Art. 50 situation applies: its flag, or a recorded practice."""
    if getattr(system.classification.transparency, flag):
        return ("classification", "transparency", flag)
    techniques = system.practices.techniques if system.practices else []
    for index, technique in enumerate(techniques):
        if _PRACTICE_FLAGS.get(technique) == flag:
            return ("practices", "techniques", index)
    return None


# The paragraph that makes each exception, as a citation and in messages.
EXCEPTION_PARAGRAPHS = {
    "obvious": "Art. 50(1)",
    "law-enforcement": "Art. 50",  # paragraphs 1 to 4 each make it
    "assistive-editing": "Art. 50(2)",
    "no-substantial-alteration": "Art. 50(2)",
    "artistic-work": "Art. 50(4)",
    "editorial-responsibility": "Art. 50(4)",
}


def exception_problems(repo: Repository) -> Iterator[Problem]:
    """Art. 50 exceptions relied on without a reason, or for a situation the record does not
    show: an exception excuses a duty only where it is explained and fits."""
    for entry, system in systems(repo):
        for index, exception in enumerate(system.classification.transparency.exceptions):
            paragraph = EXCEPTION_PARAGRAPHS[exception.ground]
            if not any(_flag_source(system, f) for f in ART50_EXCEPTIONS[exception.ground]):
                wrong = "the record shows no situation it covers"
            elif exception.reasoning is None:
                wrong = (
                    "no `reasoning` says why it holds, so it excuses no duty until it does "
                    "(AIA010 still asks for the disclosure or marking)"
                )
            else:
                continue
            yield Problem(
                entry,
                ("classification", "transparency", "exceptions", index, "ground"),
                f"'{system.name}' relies on the '{exception.ground}' exception of {paragraph}, "
                f"but {wrong}",
                citation=(f"AI Act {paragraph}",),
            )
