"""Stage 3, topics: which topic sections a sentence belongs to, and how much.

Topics are data (`data/topics.toml`, or a user's file). A sentence is read for
what it does, not only for the words it has: the verbs of its main clause and
who their subject is ("the ministry condemned the strike" is a political
response, not a strike; "the strike killed 16" is both a strike and
casualties), the nouns it is about unless they sit under a word that makes them
something else ("attacks on troops" is not about troop levels), counted nouns
("2,500 troops"), statements by an actor, and entity labels. Each cue class has
a weight; a sentence belongs to every topic whose minimum its points reach, and
the points rank a section's sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from .errors import BriefingError
from .tomlfile import read_toml

if TYPE_CHECKING:
    from .extract.parse_tree import Tree
    from .model import Sentence

# The parse tree and the figure words are imported where a sentence is read, not here: every
# build loads its topics (`load_topics`), one with nothing to do too, and reads no sentence.

DEFAULT_TOPICS = Path(__file__).parent / "data" / "topics.toml"
REQUIRED = ("strikes", "casualties", "troop_levels", "political_responses")
NUMBER = "NUMBER"
# Numbers that are not counts: "three years later", "at 7:45", "5%", "$3 million", "second".
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})
# Links that keep a clause in the main line of the sentence: "X warned ... and said ...",
# "said (that) ...", "prepared to end ...". Other clauses (relative, adverbial) are asides.
MAIN_LINKS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "parataxis"})
# Clauses that tell something beside the main line: "a strike that killed 16". An adverbial
# clause is not one of them: "a truck blew up, killing two people" tells the casualties.
ASIDES = frozenset({"relcl", "acl", "pcomp", "csubj", "xcomp"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Prepositions that say what an event came by, not when: "killed in a raid", "by shelling"
# ("following the strike, Iraq ..." only dates what follows).
MEANS = frozenset({"in", "by", "during", "with"})
CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
PREDICATE_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ"})

# Cue classes and the points each is worth unless a topic says otherwise.
WEIGHTS = {
    "verb": 3.0,  # a verb of the topic heads a clause of the main line
    "subordinate": 0.5,  # factor for a verb in an aside (relative or adverbial clause)
    "unreal": 0.5,  # factor for an event verb that is negated or under a modal: "did not kill", "could hit"
    "actor": 1.0,  # the subject of such a verb (or of a reporting verb) is one of the topic's actors
    "subject": 2.0,  # a noun of the topic does the main line's deed: "the strike killed", "killed in a raid"
    "noun": 1.0,  # a noun or adjective of the topic, not under a `not_under` word
    "counted": 2.0,  # a number counts one of the topic's `counted` nouns
    "counted_object": 2.0,  # a number counts what one of the topic's verbs acts on: "killed 16 fighters"
    "reporting": 2.0,  # an actor says something that is about no other topic
    "label": 1.0,  # an entity of one of the labels is mentioned
    "lemma": 1.0, "key_lemma": 2.0, "avoid": -2.0, "phrase": 2.0,  # plain keyword cues
}
CUE_KEYS = ("verbs", "actors", "actor_labels", "subjects", "nouns", "counted", "reporting", "not_under",
            "lemmas", "key_lemmas", "avoid_lemmas", "phrases", "labels")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    lemmas: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    key_lemmas: frozenset[str] = frozenset()
    avoid_lemmas: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    min_score: float = 2.0
    verbs: Mapping[str, float] = field(default_factory=dict)  # lemma (or "pull out") -> weight
    actors: Mapping[str, float] = field(default_factory=dict)
    actor_labels: Mapping[str, float] = field(default_factory=dict)
    subjects: Mapping[str, float] = field(default_factory=dict)
    nouns: Mapping[str, float] = field(default_factory=dict)
    counted: Mapping[str, float] = field(default_factory=dict)
    reporting: Mapping[str, float] = field(default_factory=dict)
    not_under: frozenset[str] = frozenset()
    weights: Mapping[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    events: bool = False  # its verbs report events: modals and wishes ("would be rescued") weaken them too
    order: float = 0.0
    enabled: bool = True

    def score(self, sentence: Sentence, others: Sequence["Topic"] = ()) -> float:
        """Points the sentence earns for this topic; 0 if a requirement is missing.

        `others` are the other topics: a statement counts for this one only when
        what is said is not about one of them.
        """
        return score(self, Reading(sentence), others)


class Reading:
    """What the topic cues ask of one sentence, computed once for all topics."""

    def __init__(self, sentence: Sentence):
        from .extract.parse_tree import Tree

        self.sentence = sentence
        self.tree = tree = Tree(sentence)
        self.words = [_word(tree, i) for i in range(len(tree))]
        self.main = _main_line(tree)
        self.predicates = [i for i, t in enumerate(tree.tokens) if t.pos in PREDICATE_POS
                           and (i in self.main or t.dep in ASIDES or t.dep == "advcl")]
        self.labels = {m.label for m in sentence.mentions}

    def names(self, i: int) -> list[str]:
        """The lemma of token i and, with a word before it, the pair: "service member", "rescue operation"."""
        word = self.words[i]
        if not word:
            return []
        out = [word]
        for c in self.tree.children(i, "compound", "amod"):
            if self.words[c]:
                out.append(f"{self.words[c]} {word}")
        return out

    def verb_names(self, i: int) -> list[str]:
        """A verb's lemma, or with its particle the phrasal verb, another word: "pull out", "die down"."""
        lemma = self.tree.lemma(i)
        return [f"{lemma} {self.tree.lemma(c)}" for c in self.tree.children(i, "prt")] or [lemma]

    def unreal(self, verb: int, events: bool) -> bool:
        """The verb, or a clause it depends on, is negated ("did not condemn", "I do not think he wants to
        expel"); for an event, also under a modal or wanted: "would be rescued", "determined to see X freed"."""
        tree = self.tree
        chain = [verb, *tree.ancestors(verb)]
        if any(tree.children(v, "neg") for v in chain):
            return True
        if not events:
            return False
        from .extract.figure_words import load_words

        words = load_words()
        modals = words.irrealis - words.infinitive
        return any(tree[v].dep == "xcomp" for v in chain) or any(
            tree.lemma(c) in modals for c in tree.children(verb, "aux", "auxpass"))

    def subjects(self, i: int) -> list[int]:
        subj = self.tree.children(i, *SUBJECTS)
        if not subj and self.tree[i].dep in ("conj", "xcomp") and self.tree.head(i) is not None:
            return self.subjects(self.tree.head(i))  # "X warned ... and called ...": X is the subject of both
        return subj

    def means(self, verb: int) -> list[int]:
        """What a verb's event came by: "killed in a missile strike", "destroyed by shelling"."""
        tree = self.tree
        return [o for p in tree.children(verb, "prep", "agent") if tree.lemma(p) in MEANS
                for o in tree.children(p, "pobj")]

    def under(self, i: int, words: frozenset[str]) -> bool:
        """Token i sits beneath one of `words` (as lemma) in the parse, or a clause of one modifies it."""
        if not words:
            return False
        near = self.tree.ancestors(i) + self.tree.children(i, "acl", "relcl")
        return any(self.tree.lemma(a) in words or self.words[a] in words for a in near)

    def count(self, i: int) -> bool:
        """A number counts token i: "2,500 troops", "thousands of troops"."""
        tree = self.tree
        for c in tree.children(i, "nummod"):
            if tree[c].ent_type not in NOT_COUNTS:
                return True
        h = tree.head(i)
        if tree[i].dep == "pobj" and h is not None and tree.lemma(h) == "of":
            q = tree.head(h)
            return q is not None and tree[q].pos == "NUM" and tree[q].ent_type not in NOT_COUNTS
        return False


def _word(tree: Tree, i: int) -> str:
    """Token i's lemma, or "" when it is the tail of a hyphenated word ("co-operation")."""
    if i >= 2 and tree[i - 1].text == "-" and tree.joined(i - 2, i - 1) and tree.joined(i - 1, i):
        return ""
    return tree.lemma(i)


def _main_line(tree: Tree) -> set[int]:
    main, todo = set(), [i for i, t in enumerate(tree.tokens) if t.dep == "ROOT"]
    while todo:
        i = todo.pop()
        if i in main:
            continue
        main.add(i)
        todo += [c for c in tree.children(i) if tree[c].dep in MAIN_LINKS]
    return main


def score(topic: Topic, r: Reading, others: Sequence[Topic] = ()) -> float:
    w = topic.weights
    tree = r.tree
    if topic.requires and not topic.requires & (r.labels | ({NUMBER} if _has_count(r) else set())):
        return 0.0
    points = 0.0

    verb_points: dict[str, float] = {}
    counted_args = 0.0
    actor = 0.0
    subject = 0.0
    for i in r.predicates:
        factor = 1.0 if i in r.main or tree[i].dep == "advcl" else w["subordinate"]
        if r.unreal(i, topic.events):
            factor *= w["unreal"]
        for name in r.verb_names(i):
            if name in topic.verbs:
                verb_points[name] = max(verb_points.get(name, 0.0), factor * w["verb"] * topic.verbs[name])
                actor = max(actor, factor * _actor(topic, r, i))
                if any(r.count(a) for a in tree.children(i, "dobj", "nsubjpass")):
                    counted_args = max(counted_args, factor)  # "killed 16 fighters", "launched 12 drones"
        if i in r.main:
            for s in r.subjects(i) + r.means(i):
                for name in r.names(s):
                    if name in topic.subjects and not r.under(s, topic.not_under):
                        subject = max(subject, w["subject"] * topic.subjects[name])
    points += sum(verb_points.values()) + w["actor"] * actor + subject + w["counted_object"] * counted_args

    nouns: dict[str, float] = {}  # each word once, at its best weight
    counted = 0.0
    for i, t in enumerate(tree.tokens):
        if t.pos not in NOMINAL_POS or r.under(i, topic.not_under):
            continue
        named = [(topic.nouns[n], n) for n in r.names(i) if n in topic.nouns]
        if named:
            weight, name = max(named)
            nouns[name] = max(nouns.get(name, 0.0), weight)
        for name in r.names(i):
            if name in topic.counted and r.count(i):
                counted = max(counted, topic.counted[name])
    points += w["noun"] * sum(nouns.values()) + w["counted"] * counted

    points += w["reporting"] * _statement(topic, r, others)
    points += w["label"] * len(r.labels & set(topic.labels))
    points += _keywords(topic, r)
    return points


def _actor(topic: Topic, r: Reading, verb: int) -> float:
    """How much the subject of `verb` is one of the topic's actors (0 if not)."""
    best = 0.0
    for s in r.subjects(verb):
        # "Rasool, a military spokesman, said": the apposition says who the subject is;
        # "spokesman Michael Haddock", "President Yeltsin": so does a title before the name.
        who = [s, *r.tree.children(s, "appos")]
        if r.tree[s].pos == "PROPN":  # not "government forces"
            who += r.tree.children(s, "compound")
        for name in [n for a in who for n in r.names(a)]:
            best = max(best, topic.actors.get(name, 0.0))
        label = r.tree[s].ent_type
        if label:
            best = max(best, topic.actor_labels.get(label, 0.0))
    return best


def _statement(topic: Topic, r: Reading, others: Sequence[Topic]) -> float:
    """An actor states what it, or another actor, does or thinks, about none of the other topics.

    "The ministry said it was investigating" is a response; "officials said the
    sailor was found" reports news, and "officials said four were killed" is
    another topic's.
    """
    best = 0.0
    for i in r.main:
        if r.tree.lemma(i) not in topic.reporting:
            continue
        said = _actor(topic, r, i)
        if said and _stance(topic, r, i) and not _about_others(r, i, others):
            best = max(best, said * topic.reporting[r.tree.lemma(i)])
    return best


def _stance(topic: Topic, r: Reading, verb: int) -> bool:
    """What `verb` reports has a pronoun or one of the topic's full actors as its subject, or is about
    one of the topic's nouns."""
    tree = r.tree
    # "it" stands for an institution ("the ministry said it would"), not for a person speaking.
    person = any(tree[s].ent_type == "PERSON" for s in r.subjects(verb))
    for clause in tree.children(verb, "ccomp", "parataxis"):
        if _mentions(r, [clause, *tree.children(clause, *CORE_ARGS)], topic.not_under):
            continue  # what the topic leaves to others: "said police had arrested a suspect"
        for s in r.subjects(clause):
            if tree[s].pos == "PRON" and not (person and tree.lemma(s) == "it"):
                return True
            if _actor(topic, r, clause) >= 1.0:
                return True
        if _mentions(r, tree.children(clause, *CORE_ARGS), frozenset(topic.nouns)):
            return True  # "said the talks would resume"
    return False


def _mentions(r: Reading, tokens: Sequence[int], words: frozenset[str]) -> bool:
    return any(n in words for i in tokens for n in r.verb_names(i) + r.names(i))


def _about_others(r: Reading, verb: int, others: Sequence[Topic]) -> bool:
    """What `verb` reports is another topic's event: one of its verbs, or its noun as subject or object."""
    tree = r.tree
    said = [c for c in tree.children(verb) if tree[c].dep in ("ccomp", "xcomp", "parataxis", "conj")]
    for clause in said:
        for i in tree.subtree(clause):
            if i not in r.main:
                continue
            for other in others:
                if any(n in other.verbs for n in r.verb_names(i)):
                    return True
                for a in tree.children(i):
                    if tree[a].dep in CORE_ARGS and any(n in other.nouns or n in other.subjects for n in r.names(a)):
                        return True
    return False


def _has_count(r: Reading) -> bool:
    return any((t.like_num or t.pos == "NUM") and t.ent_type not in NOT_COUNTS for t in r.tree.tokens)


def _keywords(topic: Topic, r: Reading) -> float:
    """The plain keyword cues a topic file may still use: lemmas, key lemmas, phrases."""
    if not (topic.lemmas or topic.key_lemmas or topic.avoid_lemmas or topic.phrases):
        return 0.0
    w = topic.weights
    lemmas = {t.lemma.lower() for t in r.tree.tokens}
    points = w["lemma"] * len(lemmas & topic.lemmas) + w["key_lemma"] * len(lemmas & topic.key_lemmas)
    points += w["avoid"] * len(lemmas & topic.avoid_lemmas)
    if topic.phrases:
        text = " ".join(r.sentence.text.lower().split())
        points += w["phrase"] * sum(1 for p in topic.phrases if _contains_phrase(text, p))
    return points


def _contains_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def load_topics(extra: Iterable[str | Path] = (), settings: Mapping[str, Mapping] | None = None,
                where: str = "briefing.toml") -> list[Topic]:
    """Built-in topics, then each extra file's, enabled ones only, in their `order`.

    A topic with a known id replaces it; one with a known id and no cues only
    changes its title, order or whether it is enabled. `settings` (a project
    file's [topics.ID] tables, from `where`) change those last.
    """
    topics: dict[str, Topic] = {}
    for path in (DEFAULT_TOPICS, *extra):
        for topic in _read_topic_file(Path(path), topics):
            topics[topic.id] = topic
    for tid, entry in (settings or {}).items():
        if tid not in topics:
            raise BriefingError(f"{where}: key 'topics.{tid}': no such topic (known: {', '.join(topics)})")
        try:
            topics[tid] = replace(topics[tid], **_settings(entry, topics[tid].order))
        except (TypeError, ValueError) as exc:
            raise BriefingError(f"{where}: key 'topics.{tid}': {exc}") from None
    return sorted((t for t in topics.values() if t.enabled), key=lambda t: t.order)


def _read_topic_file(path: Path, known: Mapping[str, Topic]) -> list[Topic]:
    data = read_toml(path, "topic file")
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise BriefingError(f"{path}: no [[topic]] tables found")
    topics = []
    for n, entry in enumerate(entries, start=1):
        tid = entry.get("id")
        if not isinstance(tid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", tid):
            raise BriefingError(f"{path}: topic {n} needs an id of lower-case letters, digits and _")
        has_cues = any(entry.get(k) for k in CUE_KEYS)
        settings = {k: entry[k] for k in ("title", "order", "enabled") if k in entry}
        try:
            if not has_cues and tid in known:
                topic = replace(known[tid], **_settings(settings, known[tid].order))
            elif not has_cues:
                raise BriefingError(f"{path}: topic '{tid}' needs cues (verbs, nouns, lemmas or phrases)")
            else:
                default_order = known[tid].order if tid in known else 100.0 * (len(known) + n)
                topic = _topic(tid, entry, default_order)
        except (TypeError, ValueError) as exc:
            raise BriefingError(f"{path}: topic '{tid}': {exc}") from None
        topics.append(topic)
    return topics


def _settings(entry: Mapping, default_order: float) -> dict:
    out = {}
    if "title" in entry:
        out["title"] = str(entry["title"])
    out["order"] = float(entry.get("order", default_order))
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ValueError("enabled must be true or false")
    out["enabled"] = enabled
    return out


def _number(entry: Mapping, key: str, default: float) -> float:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key} must be a number, not {value!r}")
    return float(value)


def _weighted(value) -> dict[str, float]:
    """A cue list ["kill", "die"] (weight 1 each) or a table {kill = 1, free = 0.5}."""
    if isinstance(value, Mapping):
        return {" ".join(str(k).lower().split()): float(v) for k, v in value.items()}
    if isinstance(value, list):
        return {" ".join(str(k).lower().split()): 1.0 for k in value}
    raise ValueError("cues must be a list of words or a table of word = weight")


def _topic(tid: str, entry: Mapping, default_order: float) -> Topic:
    weights = dict(WEIGHTS)
    unknown = set(entry.get("weights", {})) - set(WEIGHTS)
    if unknown:
        raise ValueError(f"unknown weight {', '.join(sorted(unknown))} (known: {', '.join(WEIGHTS)})")
    weights.update({k: float(v) for k, v in entry.get("weights", {}).items()})
    lower = lambda key: frozenset(str(w).lower() for w in entry.get(key, []))  # noqa: E731
    settings = {"title": tid.replace("_", " ").capitalize(), **_settings(entry, default_order)}
    return Topic(
        id=tid,
        lemmas=lower("lemmas"),
        key_lemmas=lower("key_lemmas"),
        avoid_lemmas=lower("avoid_lemmas"),
        phrases=tuple(" ".join(str(p).lower().split()) for p in entry.get("phrases", [])),
        labels=frozenset(entry.get("labels", [])),
        requires=frozenset(entry.get("requires", [])),
        min_score=_number(entry, "min_score", 2.0),
        events=bool(entry.get("events", False)),
        **{k: _weighted(entry.get(k, [])) for k in ("verbs", "actors", "subjects", "nouns", "counted", "reporting")},
        actor_labels={k.upper(): v for k, v in _weighted(entry.get("actor_labels", [])).items()},
        not_under=frozenset(" ".join(str(w).lower().split()) for w in entry.get("not_under", [])),
        weights=weights,
        **settings,
    )


def assign_topics(sentences: Sequence[Sentence], topics: Sequence[Topic],
                  scores: Sequence[dict[str, float]] | None = None) -> dict[str, list[tuple[Sentence, float]]]:
    """For each topic id, its sentences with their scores, in input order.

    `scores`: each sentence's `topic_scores`, when they were kept from an earlier build.
    """
    out: dict[str, list[tuple[Sentence, float]]] = {t.id: [] for t in topics}
    for sentence, reached in zip(sentences, topic_scores(sentences, topics) if scores is None else scores):
        for topic_id, points in reached.items():
            if topic_id in out:
                out[topic_id].append((sentence, points))
    return out


def topic_scores(sentences: Sequence[Sentence], topics: Sequence[Topic]) -> list[dict[str, float]]:
    """For each sentence, the topics it belongs to with its points: a function of the sentence alone."""
    out = []
    for sentence in sentences:
        reading = Reading(sentence)
        reached = {}
        for topic in topics:
            points = score(topic, reading, [t for t in topics if t is not topic])
            if points > 0 and points >= topic.min_score:
                reached[topic.id] = points
        out.append(reached)
    return out
