"""The model's attribute ruler and lemmatizer, looked up instead of run: the same parse."""
import spacy
from spacy.pipeline import AttributeRuler

from briefing.analyze import DEFAULT_MODELS
from briefing.pipes import Attributes, equivalent_pipeline

TEXT = (
    "Gunmen killed 12 people, the police said. \"We ain't gonna stop,\" one wrote; let's see.\n\n"
    "  Rescuers    dug through the rubble of 40 houses.\n"
    "The U.S. has sent 2,500 troops, and they're gonna stay. I gotta go, she said: it's over.\n"
    "Running, ran, runs; better, best; geese, children, mice. Don't! Can't? Won't...\n"
    "Officials were questioned; what'd he say? He's been told 'twas so.\t\tTabs here."
)


def _stock():
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError("no model")


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_same_tags_morphology_and_lemmas_as_the_model():
    stock, ours = _stock(), _stock()
    equivalent_pipeline(ours)
    assert "attribute_ruler" not in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    assert {"briefing_attributes", "briefing_lemmas"} <= set(ours.pipe_names)
    texts = [TEXT, TEXT.upper(), TEXT.lower(), "", " \n ", "a"]
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts)):
        assert _annotations(got) == _annotations(expected)
    # and again, now that every word is known: looked up, still the same
    assert _annotations(ours(TEXT)) == _annotations(stock(TEXT))


def test_each_distinct_word_is_lemmatized_once():
    nlp = _stock()
    equivalent_pipeline(nlp)
    lemmas = nlp.get_pipe("briefing_lemmas")
    asked = []
    real = lemmas.lemmatizer.lemmatize
    lemmas.lemmatizer.lemmatize = lambda token: asked.append(token.text) or real(token)
    nlp("The soldiers were killed. The soldiers were killed. The soldiers were killed.")
    assert sorted(asked) == sorted(set(asked))  # nothing asked twice
    assert asked.count("soldiers") == 1 and asked.count("killed") == 1


def test_patterns_it_cannot_read_exactly_keep_the_models_component():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"POS": "ADJ"})
    equivalent_pipeline(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_later_patterns_win_and_two_word_patterns_set_the_token_they_name():
    def build():
        nlp = spacy.blank("en")
        ruler: AttributeRuler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"IN": ["dog", "cat"]}}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
        ruler.add([[{"LOWER": "big"}, {"LOWER": "dog"}]], {"POS": "PROPN"}, index=1)
        ruler.add([[{"LOWER": {"REGEX": "^ca"}}]], {"POS": "VERB"})
        ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
        return nlp

    stock, ours = build(), build()
    equivalent_pipeline(ours)
    assert isinstance(ours.get_pipe("briefing_attributes"), Attributes)
    for text in ("a big dog and a cat", "Big Dog,  cat\n\nbig  dog", "dog big"):
        assert [(t.pos_, str(t.morph)) for t in ours(text)] == [(t.pos_, str(t.morph)) for t in stock(text)]
    assert [t.pos_ for t in ours("big dog cat")] == ["", "PROPN", "VERB"]


def test_a_lemmatizer_of_another_mode_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    equivalent_pipeline(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
