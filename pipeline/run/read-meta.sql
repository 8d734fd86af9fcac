select key, value from meta;
