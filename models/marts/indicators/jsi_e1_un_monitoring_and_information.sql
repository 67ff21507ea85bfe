{{ jsi_indicator_view('E1') }}
