"""The contract with editors and its checks: fields, messages, front-matter, vocabularies, bodies."""
