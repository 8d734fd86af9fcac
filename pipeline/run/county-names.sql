select code, name from registry_county where list_contains($codes, code)
