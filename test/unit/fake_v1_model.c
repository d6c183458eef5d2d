/*===- fake_v1_model.c - Stands in for a model.so of dlc's ABI v1 -*- C -*-===//
 *
 * A model built by dlc 0.1 exported dlc_model_open and friends but no
 * dlc_runtime_abi_version: `dlc run` and `dlc inspect` must refuse it with a
 * message instead of calling into it.
 *
 *===----------------------------------------------------------------------===*/
__attribute__((visibility("default"))) int dlc_model_open(void **model,
                                                          void *err) {
  (void)err;
  *model = 0;
  return 3;
}
