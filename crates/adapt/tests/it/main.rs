//! Integration tests of the adaptation: properties over any decisions, the corpus against its answer keys, the unit's sentences.
//! One test binary per crate (see docs/architecture.md).
mod adapt;
mod adapt_corpus;
mod adapt_sentences;
mod carry;
mod carry_pairs;
mod citations;
mod likeness;
mod offers;
mod rewording;
mod to_chuc;
mod unit_name;
mod worklist;
