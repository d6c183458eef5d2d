//===- Signal.cpp - HannWindow, HammingWindow, BlackmanWindow -------------===//
//
// The window functions are sums of cosines of the position: element n of a
// window of N is sum_k a_k cos(k 2 pi n / D), D = N (periodic) or N - 1
// (symmetric), built from prim.iota and prim.cos in f32 (f64 for a double
// output) and converted to the output type.
//
//===----------------------------------------------------------------------===//
#include "IndexMath.h"

#include "dlc/Support/MlirDType.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// A rule for the window whose coefficient of cos(k x) is `coefficients[k]`.
Rule cosineWindow(SmallVector<double, 3> coefficients) {
  return [coefficients](NodeContext &ctx) -> FailureOr<Results> {
    OpBuilder &b = ctx.b;
    Location loc = ctx.loc;
    auto st = ctx.inputType(0);
    if (st.getNumElements() != 1 || !isa<IntegerType>(st.getElementType()) ||
        st.getElementType().isInteger(1))
      return ctx.failure<Results>("size must be one integer");
    int64_t code = ctx.intAttr("output_datatype", 1);
    const dlc::DType *dtype = dlc::dtypeFromOnnx(code);
    if (!dtype)
      return ctx.failure<Results>("output_datatype #" + Twine(code) +
                                  " is not supported");
    Type out = dlc::getMlirType(b.getContext(), *dtype);
    int64_t periodic = ctx.intAttr("periodic", 1);
    if (periodic != 0 && periodic != 1)
      return ctx.failure<Results>("periodic must be 0 or 1, got " +
                                  Twine(periodic));
    auto size = sizesFromTensor(ctx, ctx.input(0));
    if (failed(size))
      return failure();
    IndexMath m(b, loc);
    OpFoldResult n = size->front();
    if (std::optional<int64_t> c = getConstantIntValue(n); c && *c < 0)
      return ctx.failure<Results>("size must not be negative, got " +
                                  Twine(*c));
    n = m.max(n, m.c(0));
    OpFoldResult denominator = periodic ? n : m.sub(n, m.c(1));

    Type compute = out.isF64() ? out : b.getF32Type();
    Value positions = iota(b, loc, n, compute);
    Value d = b.create<prim::ConvertOp>(
        loc, RankedTensorType::get({1}, compute),
        sizesTensor(b, loc, {denominator}, b.getI64Type()));
    // x = n * (2 pi / D).
    Value step = b.create<prim::DivOp>(
        loc, splatLike(b, loc, d, 2 * llvm::numbers::pi), d);
    Value x =
        b.create<prim::MulOp>(loc, positions, broadcastTo(b, loc, step, {n}));
    Value window = splatLike(b, loc, x, coefficients[0]);
    for (size_t k = 1; k < coefficients.size(); ++k) {
      Value kx = k == 1 ? x
                        : b.create<prim::MulOp>(loc, x,
                                                splatLike(b, loc, x, double(k)))
                              .getResult();
      Value term = b.create<prim::MulOp>(loc, b.create<prim::CosOp>(loc, kx),
                                         splatLike(b, loc, x, coefficients[k]));
      window = b.create<prim::AddOp>(loc, window, term);
    }
    if (compute != out)
      window = b.create<prim::ConvertOp>(
          loc, cast<RankedTensorType>(window.getType()).clone(out), window);
    return Results{window};
  };
}

} // namespace

void dlc::onnx_to_prim::addSignalRules(RuleTable &table) {
  using namespace schema;
  const AttrSpec attrs[] = {{"output_datatype", Int}, {"periodic", Int}};
  // Hann: sin^2(x / 2) = 0.5 - 0.5 cos x; Hamming: alpha = 25/46, as onnx's
  // reference (not torch's 0.54).
  std::pair<StringRef, Rule> windows[] = {
      {"HannWindow", cosineWindow({0.5, -0.5})},
      {"HammingWindow", cosineWindow({25.0 / 46.0, -21.0 / 46.0})},
      {"BlackmanWindow", cosineWindow({0.42, -0.5, 0.08})}};
  for (const auto &[op, rule] : windows)
    table.add(op, 17, rule).attrs({attrs[0], attrs[1]});
}
