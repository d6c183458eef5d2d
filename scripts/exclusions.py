"""The rules of test/e2e/exclusions.txt, and what a model is made of.

Shared by scripts/gen_backend_list.py and scripts/suite_report.py (one
source of truth for which ONNX backend cases dlc's suites leave out). See
the header of test/e2e/exclusions.txt for the syntax.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

import onnx

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILE = os.path.join(REPO, "test", "e2e", "exclusions.txt")
KINDS = ("op", "domain", "type", "case")
VALUE_KINDS = ("sequence", "optional", "map", "sparse_tensor", "string")


@dataclass(frozen=True)
class Rule:
    kind: str     # one of KINDS
    pattern: str
    reason: str
    line: int


def load(path: str = DEFAULT_FILE) -> list[Rule]:
    rules = []
    with open(path, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            text = text.split("#", 1)[0].strip()
            if not text:
                continue
            parts = text.split(None, 2)
            if len(parts) < 3 or parts[0] not in KINDS:
                raise ValueError(f"{path}:{number}: expected 'KIND PATTERN "
                                 f"reason' with KIND one of {', '.join(KINDS)}")
            kind, pattern, reason = parts
            if kind == "type" and pattern not in VALUE_KINDS:
                raise ValueError(f"{path}:{number}: type must be one of "
                                 f"{', '.join(VALUE_KINDS)}")
            rules.append(Rule(kind, pattern, reason, number))
    return rules


@dataclass
class ModelFacts:
    """What the rules look at, gathered once per model."""
    ops: set[tuple[str, str]]   # (domain, op type), subgraphs included
    value_kinds: set[str]       # VALUE_KINDS found among the model's values


def _graphs(graph: onnx.GraphProto):
    yield graph
    for node in graph.node:
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                yield from _graphs(attr.g)
            for g in attr.graphs:
                yield from _graphs(g)


def _type_kind(t: onnx.TypeProto) -> str:
    which = t.WhichOneof("value")
    if which == "tensor_type":
        return "string" if t.tensor_type.elem_type == onnx.TensorProto.STRING else "tensor"
    if which is None:
        return "tensor"  # no type given
    return which[: -len("_type")]  # sequence, optional, map, sparse_tensor


def facts(model: onnx.ModelProto) -> ModelFacts:
    ops, kinds = set(), set()
    for g in _graphs(model.graph):
        for v in list(g.input) + list(g.output) + list(g.value_info):
            kinds.add(_type_kind(v.type))
        for t in g.initializer:
            if t.data_type == onnx.TensorProto.STRING:
                kinds.add("string")
        if len(g.sparse_initializer):
            kinds.add("sparse_tensor")
        for node in g.node:
            ops.add((node.domain or "", node.op_type))
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                for attr in node.attribute:
                    if attr.name == "value_strings" or (
                            attr.name == "value" and attr.t.data_type == onnx.TensorProto.STRING):
                        kinds.add("string")
                    if attr.name == "sparse_value":
                        kinds.add("sparse_tensor")
    kinds.discard("tensor")
    return ModelFacts(ops, kinds)


def match(rules: list[Rule], case_name: str, model_facts: ModelFacts,
          kinds: tuple[str, ...] = KINDS) -> Rule | None:
    """The first rule of the given kinds that excludes the case, or None."""
    for rule in rules:
        if rule.kind not in kinds:
            continue
        if rule.kind == "op":
            hit = any(fnmatch.fnmatchcase(t, rule.pattern) for _, t in model_facts.ops)
        elif rule.kind == "domain":
            hit = any(d == rule.pattern for d, _ in model_facts.ops)
        elif rule.kind == "type":
            hit = rule.pattern in model_facts.value_kinds
        else:
            hit = fnmatch.fnmatchcase(case_name, rule.pattern)
        if hit:
            return rule
    return None
