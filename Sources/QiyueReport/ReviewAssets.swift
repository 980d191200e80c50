/// The review page's HTML, CSS and JavaScript (filled in by ``ReviewPage``).
enum ReviewAssets {
    static let html = """
    <!doctype html><html lang="zh-CN" data-mode="QIYUE_MODE"><head><meta charset="utf-8"><title>Qiyue review</title><style>/*QIYUE_STYLE*/</style></head>
    <body><main id="app"></main><script id="qiyue-data" type="application/json">/*QIYUE_DATA*/null</script><script>/*QIYUE_SCRIPT*/</script></body></html>
    """
    static let css = ""
    static let script = ""
}
