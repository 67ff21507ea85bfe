{{ jsi_indicator_view('E4') }}
