//===- OnnxToPrim.h - what convert-onnx-to-prim can convert -----*- C++ -*-===//
#ifndef DLC_CONVERSION_ONNXTOPRIM_H
#define DLC_CONVERSION_ONNXTOPRIM_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace dlc {

/// The newest default-domain opset whose semantics the rules follow.
inline constexpr int64_t kNewestOpset = 21;

/// True when convert-onnx-to-prim has a rule for `opType` of `domain` at
/// opset `version`; otherwise `reason` says why not.
bool hasOnnxToPrimRule(llvm::StringRef opType, llvm::StringRef domain,
                       int64_t version, std::string &reason);

/// An op type convert-onnx-to-prim converts (default domain) and the since
/// versions of its rows, ascending: a node of opset V is converted by the row
/// with the greatest since version <= V.
struct OnnxToPrimOp {
  std::string opType;
  std::vector<int64_t> sinceVersions;
};

/// Every op type of the rule table, sorted by name.
std::vector<OnnxToPrimOp> listOnnxToPrimOps();

} // namespace dlc

#endif // DLC_CONVERSION_ONNXTOPRIM_H
