//! Rust values straight into Python objects, through their `serde::Serialize`
//! implementations: the dict of an event has exactly the keys and values of the
//! JSON line the CLI writes for it (same field names, same skipped fields, same
//! numbers), without writing that JSON and parsing it again with `json.loads`.
//!
//! The rules are serde_json's, so that `json.loads(cli_line) == to_py(event)`:
//! structs and maps become dicts, sequences and tuples lists, `None` and unit
//! `None`, unit enum variants their name, other variants `{variant: value}`,
//! non-finite floats `None`, and an `f32` the float of its shortest decimal form
//! (serde_json writes `2.8f32` as `2.8`, which `json.loads` reads as the `f64`
//! 2.8, not as 2.799999952316284). Struct field names become Python strings once
//! per conversion session, and every dict shares them.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;

/// A conversion session: holds the GIL token and the key strings made so far.
pub(crate) struct ToPy<'py> {
    py: Python<'py>,
    /// Field names by address and length (they are `&'static str` literals from
    /// `#[derive(Serialize)]`), so a lookup is a pointer compare, not a string hash.
    keys: HashMap<(usize, usize), Bound<'py, PyString>, BuildPtrHasher>,
}

impl<'py> ToPy<'py> {
    pub(crate) fn new(py: Python<'py>) -> ToPy<'py> {
        ToPy {
            py,
            keys: HashMap::default(),
        }
    }

    /// The Python object for `value`.
    pub(crate) fn convert<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(&mut *self).map_err(|e| e.0)
    }

    /// A list of the Python objects for `values`.
    pub(crate) fn list<T: Serialize>(&mut self, values: &[T]) -> PyResult<Bound<'py, PyList>> {
        let items = values
            .iter()
            .map(|v| self.convert(v))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(self.py, items)
    }

    fn key(&mut self, name: &'static str) -> Bound<'py, PyString> {
        let py = self.py;
        self.keys
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name))
            .clone()
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    fn obj<T>(&self, v: T) -> Result<Bound<'py, PyAny>, Error>
    where
        T: IntoPyObject<'py>,
        PyErr: From<T::Error>,
    {
        v.into_bound_py_any(self.py).map_err(Error)
    }

    /// `{variant: value}`, serde_json's shape for a non-unit enum variant.
    fn variant(
        &mut self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Error> {
        let d = PyDict::new(self.py);
        d.set_item(self.key(variant), value)?;
        Ok(d.into_any())
    }
}

/// Hashes the `(address, length)` key of a field name: both are already unique.
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildPtrHasher;

#[derive(Default)]
pub(crate) struct PtrHasher(u64);

impl std::hash::BuildHasher for BuildPtrHasher {
    type Hasher = PtrHasher;
    fn build_hasher(&self) -> PtrHasher {
        PtrHasher(0)
    }
}

impl std::hash::Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A Python exception raised while converting.
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type R<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'a, 'py> ser::Serializer for &'a mut ToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> R<'py> {
        self.obj(v)
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        self.obj(v)
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        self.obj(v)
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        self.obj(v)
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        self.obj(v)
    }
    fn serialize_i128(self, v: i128) -> R<'py> {
        self.obj(v)
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        self.obj(v)
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        self.obj(v)
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        self.obj(v)
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        self.obj(v)
    }
    fn serialize_u128(self, v: u128) -> R<'py> {
        self.obj(v)
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        if !v.is_finite() {
            return Ok(self.none());
        }
        // serde_json's digits (ryu), read back as an f64, as json.loads does.
        let mut buf = ryu::Buffer::new();
        let f: f64 = buf.format_finite(v).parse().unwrap_or(f64::from(v));
        Ok(PyFloat::new(self.py, f).into_any())
    }
    fn serialize_f64(self, v: f64) -> R<'py> {
        if !v.is_finite() {
            return Ok(self.none());
        }
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> R<'py> {
        let mut buf = [0u8; 4];
        Ok(PyString::new(self.py, v.encode_utf8(&mut buf)).into_any())
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        // serde_json writes bytes as an array of numbers.
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        Ok(self.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R<'py> {
        Ok(self.none())
    }
    fn serialize_unit_variant(self, _n: &'static str, _i: u32, variant: &'static str) -> R<'py> {
        Ok(self.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> R<'py> {
        let v = value.serialize(&mut *self)?;
        self.variant(variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
            conv: self,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len),
            variant: Some(variant),
            conv: self,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
            conv: self,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        let mut m = self.serialize_map(None)?;
        m.variant = Some(variant);
        Ok(m)
    }
}

/// A list being built (a sequence, a tuple, or the value of a tuple variant).
pub(crate) struct Seq<'a, 'py> {
    conv: &'a mut ToPy<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.conv)?;
        self.items.push(v);
        Ok(())
    }
    fn finish(self) -> R<'py> {
        let list = PyList::new(self.conv.py, self.items)?.into_any();
        match self.variant {
            Some(v) => self.conv.variant(v, list),
            None => Ok(list),
        }
    }
}

/// The four sequence-like serde traits, each pushing onto the list.
macro_rules! seq_impls {
    ($($tr:ident :: $method:ident),* $(,)?) => {
        $(
            impl<'py> ser::$tr for Seq<'_, 'py> {
                type Ok = Bound<'py, PyAny>;
                type Error = Error;
                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                    self.push(value)
                }
                fn end(self) -> R<'py> {
                    self.finish()
                }
            }
        )*
    };
}

seq_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

/// A dict being built (a map, a struct, or the value of a struct variant).
pub(crate) struct Map<'a, 'py> {
    conv: &'a mut ToPy<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn finish(self) -> R<'py> {
        let d = self.dict.into_any();
        match self.variant {
            Some(v) => self.conv.variant(v, d),
            None => Ok(d),
        }
    }
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.conv)?;
        self.dict.set_item(self.conv.key(key), v)?;
        Ok(())
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let k = key.serialize(&mut *self.conv)?;
        // JSON object keys are strings: serde_json writes an integer key as its digits.
        let k = if k.is_instance_of::<PyString>() {
            k
        } else if k.is_instance_of::<pyo3::types::PyInt>() {
            k.str()?.into_any()
        } else {
            return Err(ser::Error::custom("key must be a string"));
        };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("map value without a key"))?;
        let v = value.serialize(&mut *self.conv)?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        self.finish()
    }
}

/// A struct and a struct variant: named fields into the dict.
macro_rules! struct_impls {
    ($($tr:ident),*) => {
        $(
            impl<'py> ser::$tr for Map<'_, 'py> {
                type Ok = Bound<'py, PyAny>;
                type Error = Error;
                fn serialize_field<T: Serialize + ?Sized>(
                    &mut self,
                    key: &'static str,
                    value: &T,
                ) -> Result<(), Error> {
                    self.field(key, value)
                }
                fn end(self) -> R<'py> {
                    self.finish()
                }
            }
        )*
    };
}

struct_impls!(SerializeStruct, SerializeStructVariant);
