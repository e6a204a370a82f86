//! Parquet output: the columns of a column list, typed, in row groups of
//! [`ROWS`] events (arrow + parquet crates, feature `parquet`).

use super::columns::{Cell, Column, Kind};
use super::EventRow;
use crate::{Error, Result};
use arrow_array::builder::{Float32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use std::io::Write;
use std::sync::Arc;

/// Events per record batch.
const ROWS: usize = 8192;

enum Builder {
    Str(StringBuilder),
    Int(Int64Builder),
    F32(Float32Builder),
    F64(Float64Builder),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Str => Builder::Str(StringBuilder::new()),
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::F32 => Builder::F32(Float32Builder::new()),
            Kind::F64 => Builder::F64(Float64Builder::new()),
        }
    }

    fn push(&mut self, cell: Cell<'_>) {
        match (self, cell) {
            (Builder::Str(b), Cell::Null) => b.append_null(),
            (Builder::Str(b), c) => b.append_value(c.text()),
            (Builder::Int(b), Cell::Int(v)) => b.append_value(v),
            (Builder::F32(b), Cell::F32(v)) => b.append_value(v),
            (Builder::F64(b), Cell::F64(v)) => b.append_value(v),
            (Builder::Int(b), _) => b.append_null(),
            (Builder::F32(b), _) => b.append_null(),
            (Builder::F64(b), _) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::F32(b) => Arc::new(b.finish()),
            Builder::F64(b) => Arc::new(b.finish()),
        }
    }
}

fn parquet_error(e: impl std::fmt::Display) -> Error {
    Error::Io(std::io::Error::other(format!("parquet: {e}")))
}

/// The Arrow schema of a column list.
pub(crate) fn schema(cols: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        cols.iter()
            .map(|c| {
                let t = match c.field.kind() {
                    Kind::Str => DataType::Utf8,
                    Kind::Int => DataType::Int64,
                    Kind::F32 => DataType::Float32,
                    Kind::F64 => DataType::Float64,
                };
                Field::new(c.name, t, true)
            })
            .collect::<Vec<_>>(),
    ))
}

/// Events written as Parquet.
pub(crate) struct ParquetEvents<W: Write + Send> {
    cols: &'static [Column],
    schema: SchemaRef,
    builders: Vec<Builder>,
    rows: usize,
    writer: Option<ArrowWriter<W>>,
    done: Option<W>,
}

impl<W: Write + Send> ParquetEvents<W> {
    pub(crate) fn new(out: W, cols: &'static [Column]) -> Result<Self> {
        let schema = schema(cols);
        let writer = ArrowWriter::try_new(out, schema.clone(), None).map_err(parquet_error)?;
        Ok(ParquetEvents {
            cols,
            schema,
            builders: cols.iter().map(|c| Builder::new(c.field.kind())).collect(),
            rows: 0,
            writer: Some(writer),
            done: None,
        })
    }

    pub(crate) fn push(&mut self, row: &EventRow<'_>) -> Result<()> {
        for (b, c) in self.builders.iter_mut().zip(self.cols) {
            b.push(c.field.value(row));
        }
        self.rows += 1;
        if self.rows == ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(parquet_error)?;
        if let Some(w) = self.writer.as_mut() {
            w.write(&batch).map_err(parquet_error)?;
        }
        self.rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer (once).
    pub(crate) fn finish(&mut self) -> Result<()> {
        self.flush_batch()?;
        if let Some(w) = self.writer.take() {
            let mut out = w.into_inner().map_err(parquet_error)?;
            out.flush()?;
            self.done = Some(out);
        }
        Ok(())
    }

    pub(crate) fn into_inner(mut self) -> Result<W> {
        self.finish()?;
        self.done
            .take()
            .ok_or_else(|| parquet_error("writer already taken"))
    }
}
