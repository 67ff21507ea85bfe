{{ jsi_indicator_view('E3') }}
