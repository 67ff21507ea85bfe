{{ jsi_indicator_view('E2') }}
